import { Alert, Checkbox, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOSING_RESULTS, TERMINATION_GROUNDS, type TerminationGround } from '@fayuan/domain';
import {
  ACTIVITY_KINDS,
  caseworkApi,
  isApiError,
  SCHEDULABLE_KINDS,
  type ActivityKind,
  type MissingClosingMaterials,
} from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { BeijingDateTimePicker } from '../applications/BeijingDateTimePicker';
import { beijingNow } from '../rules/beijingTime';
import { toActivityInput, toClosingInput, type ActivityValues, type ClosingValues } from './caseworkRequests';
import { itemName } from '../applications/labels';
import { Citation } from '../rules/Citation';
import { useCaseworkAction, useClosingMaterials } from './useCasework';

interface Props {
  caseId: string;
  open: boolean;
  onClose: () => void;
}

export const GROUNDS = Object.keys(TERMINATION_GROUNDS) as TerminationGround[];

/** 记录承办活动: a meeting, file reading, hearing… with when, where and what happened. */
export function ActivityModal({ caseId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActivityValues>();
  const scheduled = Form.useWatch('scheduled', form) === true;
  const send = useCaseworkAction(
    caseId,
    (values: ActivityValues) => caseworkApi.recordActivity(caseId, toActivityInput(values)),
    t('casework.activities.recorded'),
    onClose,
  );
  return (
    <SubmitFormModal<ActivityValues>
      open={open}
      title={t('casework.activities.record')}
      name="activity"
      form={form}
      firstField="kind"
      width={640}
      initialValues={{ occurredAt: beijingNow() }}
      send={send}
      onClose={onClose}
    >
      <Form.Item
        name="scheduled"
        valuePropName="checked"
        extra={t('work.schedule.scheduledHelp')}
        style={{ marginBottom: 12 }}
      >
        <Checkbox
          onChange={(e) => {
            const kind = form.getFieldValue('kind') as ActivityKind | undefined;
            if (e.target.checked && kind && !SCHEDULABLE_KINDS.includes(kind))
              form.setFieldValue('kind', undefined);
          }}
        >
          {t('work.schedule.scheduled')}
        </Checkbox>
      </Form.Item>
      <Form.Item
        label={t('casework.activities.kind')}
        name="kind"
        rules={[{ required: true, message: t('casework.activities.kindRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(scheduled ? SCHEDULABLE_KINDS : ACTIVITY_KINDS).map((k) => ({
            value: k,
            label: t(`casework.activities.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('casework.activities.occurredAt')}
        name="occurredAt"
        rules={[{ required: true, message: t('casework.activities.occurredAtRequired') }]}
      >
        {/* A scheduled activity lies ahead: then only past days are closed. */}
        <BeijingDateTimePicker
          disabledDate={(d) => (scheduled ? d.isBefore(beijingNow(), 'day') : d.isAfter(beijingNow(), 'day'))}
        />
      </Form.Item>
      <Form.Item label={t('casework.activities.place')} name="place">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('casework.activities.summary')}
        name="summary"
        rules={[{ required: true, whitespace: true, message: t('casework.activities.summaryRequired') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}

interface ReportValues {
  ground: TerminationGround;
  facts: string;
}

/** 报告终止情形: the handler reports a ground of LAL art.48; the centre decides. */
export function TerminationReportModal({ caseId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const send = useCaseworkAction(
    caseId,
    (values: ReportValues) =>
      caseworkApi.reportTermination(caseId, { ground: values.ground, facts: values.facts.trim() }),
    t('casework.termination.reported'),
    onClose,
  );
  return (
    <SubmitFormModal<ReportValues>
      open={open}
      title={t('casework.termination.reportTitle')}
      name="terminationReport"
      form={form}
      firstField="ground"
      width={640}
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('casework.termination.reportIntro')}</Typography.Paragraph>
      <GroundField />
      <Form.Item
        label={t('casework.termination.facts')}
        name="facts"
        rules={[{ required: true, whitespace: true, message: t('casework.termination.factsRequired') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}

/** A ground of LAL art.48 (and BJR art.30), with its citation. */
export function GroundField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('casework.termination.ground')}
      name="ground"
      rules={[{ required: true, message: t('casework.termination.groundRequired') }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        options={GROUNDS.map((g) => ({
          value: g,
          label: `${t(`casework.termination.grounds.${g}`)}（${TERMINATION_GROUNDS[g]}）`,
        }))}
      />
    </Form.Item>
  );
}

/** The required closing materials with no file: from the server's refusal, else from the case as loaded. */
function MissingMaterials({ caseId, open, error }: { caseId: string; open: boolean; error: unknown }) {
  const { t, i18n } = useTranslation();
  const materials = useClosingMaterials(caseId, open);
  const refused =
    isApiError(error) && error.code === 'CASEWORK_CLOSING_MATERIALS_MISSING'
      ? (error.details as MissingClosingMaterials | undefined)?.missing
      : undefined;
  const missing =
    refused ?? materials.data?.materials.filter((m) => materials.data.missing.includes(m.code)) ?? [];
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="closing-missing"
      title={t('casework.materials.missingBeforeClosing')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {missing.map((m) => (
            <li key={m.code}>
              {itemName(m, i18n.language)} <Citation citation={m.citation} />
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * 提交结案: result, amount recovered (yuan, sent as fen) and the closing report (LAL art.50); the
 * closing materials are uploaded beforehand on the case page, and any still missing are listed here.
 */
export function ClosingModal({ caseId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClosingValues>();
  const send = useCaseworkAction(
    caseId,
    (values: ClosingValues) => caseworkApi.submitClosing(caseId, toClosingInput(values)),
    t('casework.closing.submitted'),
    onClose,
  );
  return (
    <SubmitFormModal<ClosingValues>
      open={open}
      title={t('casework.closing.submitTitle')}
      name="closing"
      form={form}
      firstField="result"
      width={640}
      send={send}
      onClose={onClose}
      issueField={(path) => (path[0] === 'amountRecoveredFen' ? 'amountYuan' : path[0])}
    >
      <Typography.Paragraph type="secondary">{t('casework.closing.submitIntro')}</Typography.Paragraph>
      <MissingMaterials caseId={caseId} open={open} error={send.error} />
      <Form.Item
        label={t('casework.closing.result')}
        name="result"
        rules={[{ required: true, message: t('casework.closing.resultRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={CLOSING_RESULTS.map((r) => ({ value: r, label: t(`casework.closing.results.${r}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('casework.closing.amount')} name="amountYuan">
        <InputNumber min={0} precision={2} step={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('casework.closing.report')}
        name="report"
        rules={[{ required: true, whitespace: true, message: t('casework.closing.reportRequired') }]}
      >
        <Input.TextArea maxLength={20000} autoSize={{ minRows: 4, maxRows: 14 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}
