import { useState } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import {
  CASE_TYPES,
  CHECKLIST_STAGES,
  DOCUMENT_KINDS,
  EVIDENCE_ACTIVITY_KINDS,
  PERIOD_KINDS,
  SERVICE_STANDARD_SOURCES,
} from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { beijingToday } from './beijingTime';
import { BEIJING, NATIONAL } from './labels';
import { mostLocal, useRuleRows } from './useRules';

const EVIDENCE_KINDS = ['activity', 'document', 'closing_material', 'judgement'] as const;

/**
 * The fields of a service-standard checklist item (rule table `service_standard`): which
 * standard and case types it covers, its stage, what evidences it (the handler's activities, a
 * document issued, closing materials on file, or the reviewer's judgement), a time limit only
 * with the citation of the source that sets it, and its weight.
 */
export function ServiceStandardFields({ code, names }: { code: React.ReactNode; names: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const evidenceKind = Form.useWatch(['data', 'evidence', 'kind']) as string | undefined;
  const [today] = useState(beijingToday);
  const lists = useRuleRows('list_item', BEIJING, today);
  const materials = mostLocal(lists.data ?? [], [NATIONAL, BEIJING]).filter(
    (r) => r.data.list === 'closing_material',
  );
  const required = (message: string) => [{ required: true, message }];
  return (
    <>
      {code}
      {names}
      <Form.Item
        label={t('rules.form.standard')}
        name={['data', 'standard']}
        rules={required(t('rules.form.standardRequired'))}
      >
        <Select
          style={{ width: 220 }}
          options={SERVICE_STANDARD_SOURCES.map((s) => ({ value: s, label: s }))}
        />
      </Form.Item>
      <Form.Item
        label={t('rules.form.caseTypes')}
        name={['data', 'caseTypes']}
        rules={required(t('rules.form.caseTypesRequired'))}
      >
        <Select
          mode="multiple"
          options={CASE_TYPES.map((c) => ({ value: c, label: t(`applications.caseTypes.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('inspection.stage')}
        name={['data', 'stage']}
        rules={required(t('rules.form.stageRequired'))}
      >
        <Select
          style={{ width: 160 }}
          options={CHECKLIST_STAGES.map((s) => ({ value: s, label: t(`inspection.stages.${s}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('rules.form.evidenceKind')}
        name={['data', 'evidence', 'kind']}
        rules={required(t('rules.form.evidenceRequired'))}
      >
        <Select
          style={{ width: 260 }}
          options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`rules.form.evidenceKinds.${k}`) }))}
        />
      </Form.Item>
      {evidenceKind === 'activity' && (
        <Form.Item
          label={t('rules.form.activityKinds')}
          name={['data', 'evidence', 'activityKinds']}
          rules={required(t('rules.form.evidenceRequired'))}
        >
          <Select
            mode="multiple"
            options={EVIDENCE_ACTIVITY_KINDS.map((k) => ({
              value: k,
              label: t(`casework.activities.kinds.${k}`),
            }))}
          />
        </Form.Item>
      )}
      {evidenceKind === 'document' && (
        <Form.Item
          label={t('rules.form.documentKinds')}
          name={['data', 'evidence', 'documentKinds']}
          rules={required(t('rules.form.evidenceRequired'))}
        >
          <Select
            mode="multiple"
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`applications.documents.${k}`) }))}
          />
        </Form.Item>
      )}
      {evidenceKind === 'closing_material' && (
        <Form.Item
          label={t('rules.form.materialCodes')}
          name={['data', 'evidence', 'codes']}
          rules={required(t('rules.form.evidenceRequired'))}
        >
          <Select
            mode="multiple"
            options={materials.map((m) => ({
              value: String(m.data.code),
              label: String(i18n.language === 'en-US' ? m.data.nameEn : m.data.nameZh),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('rules.form.when')} name={['data', 'when']}>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('rules.form.whenAny')}
          options={(['terminated', 'not_terminated'] as const).map((w) => ({
            value: w,
            label: t(`rules.form.whenOptions.${w}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('rules.form.withinDays')}
        name={['data', 'withinDays']}
        extra={t('rules.form.withinDaysHelp')}
      >
        <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('rules.form.periodCitation')}
        name={['data', 'periodCitation']}
        dependencies={[['data', 'withinDays']]}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              typeof getFieldValue(['data', 'withinDays']) === 'number' && !value?.trim()
                ? Promise.reject(new Error(t('rules.form.periodCitationRequired')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('rules.form.periodKindOfCase')} name={['data', 'periodKind']}>
        <Select
          allowClear
          style={{ width: 260 }}
          options={PERIOD_KINDS.filter((p) => p !== 'supplement').map((p) => ({
            value: p,
            label: t(`applications.periods.${p}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('inspection.weight')}
        name={['data', 'weight']}
        extra={t('rules.form.weightHelp')}
        rules={required(t('rules.form.weightRequired'))}
      >
        <InputNumber min={1} max={100} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </>
  );
}
