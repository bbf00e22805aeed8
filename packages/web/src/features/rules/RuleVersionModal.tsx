import { subsidyRateData } from './SubsidyRateFields';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rulesApi, type NewRuleVersionInput, type RuleRow, type RuleTableName } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { jurisdictionName, localName } from './labels';
import { emptyData, keyOfData, latestVersion, serviceStandardData } from './ruleData';
import { parseParams, RuleDataFields } from './RuleDataFields';
import { ruleKeys, useJurisdictions } from './useRules';

interface Values {
  jurisdiction: string;
  effectiveFrom?: Dayjs;
  citation: string;
  note?: string;
  data: Record<string, unknown>;
  paramsJson?: string;
}

interface Props {
  open: boolean;
  table: RuleTableName;
  tableLabel: string;
  /** The jurisdiction chosen on the page: a new rule belongs to it unless changed. */
  jurisdiction: string;
  /**
   * Adding a version of this rule: the form starts from it, in its jurisdiction (choosing a more
   * local one overrides it there, as Beijing's `appeal` row does the national one). Null: a new rule.
   */
  source: RuleRow | null;
  rows: RuleRow[];
  matters: RuleRow[];
  onClose: () => void;
}

const ERROR_FIELDS = {
  RULE_VERSION_NOT_LATER: 'effectiveFrom',
  RULE_SPAN_INVALID: 'effectiveFrom',
  JURISDICTION_UNKNOWN: 'jurisdiction',
};

/** A VALIDATION_FAILED issue's field: `data.params…` is typed as JSON text, other `data.x` fields are `['data', x]`. */
function issueField(path: string[]) {
  if (path[0] === 'data' && path[1] === 'params') return 'paramsJson';
  if (path[0] === 'data' && path[1]) return ['data', path[1]];
  return path[0];
}

/** Adds a version of a rule from a date (POST /rules/:table); the version before it ends the day before. */
export function RuleVersionModal({
  open,
  table,
  tableLabel,
  jurisdiction,
  source,
  rows,
  matters,
  onClose,
}: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const idempotencyKeyFor = useIdempotencyKey();
  const jurisdictions = useJurisdictions();
  const watchedData = Form.useWatch('data', form) as Record<string, unknown> | undefined;
  const startJurisdiction = source?.jurisdiction ?? jurisdiction;
  const watchedJurisdiction = Form.useWatch('jurisdiction', form) ?? startJurisdiction;
  const latest = latestVersion(
    rows,
    keyOfData(table, watchedData ?? source?.data ?? {}),
    watchedJurisdiction,
  );
  const initialData = source ? { ...source.data } : emptyData(table);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const merged: Record<string, unknown> = { ...initialData, ...values.data };
      const data =
        table === 'service_standard'
          ? serviceStandardData(merged)
          : table === 'subsidy_rate'
            ? subsidyRateData(merged)
            : merged;
      for (const field of ['code', 'kind', 'nameZh', 'nameEn'])
        if (typeof data[field] === 'string') data[field] = (data[field] as string).trim();
      if (table === 'list_item') data.params = parseParams(values.paramsJson) ?? {};
      const note = values.note?.trim();
      const input: NewRuleVersionInput = {
        jurisdiction: values.jurisdiction,
        effectiveFrom: values.effectiveFrom?.format('YYYY-MM-DD') ?? '',
        citation: values.citation.trim(),
        ...(note ? { note } : {}),
        data,
      };
      return rulesApi.addVersion(table, input, idempotencyKeyFor({ table, input }));
    },
    onSuccess: async (row) => {
      await queryClient.invalidateQueries({ queryKey: ruleKeys.all });
      void message.success(t('rules.versionAdded', { date: row.effectiveFrom }));
      close();
    },
  });

  function close() {
    save.reset();
    onClose();
  }

  const name = source ? (localName(source.data, i18n.language) ?? tableLabel) : undefined;
  return (
    <FormModal<Values>
      open={open}
      title={name ? t('rules.addVersionOf', { name }) : `${t('rules.addRule')} · ${tableLabel}`}
      name={`ruleVersion-${table}`}
      form={form}
      firstField={source ? 'effectiveFrom' : 'jurisdiction'}
      initialValues={{
        jurisdiction: startJurisdiction,
        citation: source?.citation ?? '',
        data: initialData,
        paramsJson: JSON.stringify(source?.data.params ?? {}),
      }}
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={ERROR_FIELDS}
      issueField={issueField}
      width={620}
    >
      <Form.Item label={t('rules.form.jurisdiction')} name="jurisdiction" rules={[{ required: true }]}>
        <Select
          style={{ width: 220 }}
          loading={jurisdictions.isPending}
          options={(jurisdictions.data ?? []).map((j) => ({
            value: j.code,
            label: jurisdictionName(j.code, jurisdictions.data, i18n.language),
          }))}
        />
      </Form.Item>
      <RuleDataFields table={table} keyLocked={source !== null} matters={matters} />
      <Form.Item
        label={t('rules.form.effectiveFrom')}
        name="effectiveFrom"
        extra={
          latest
            ? t('rules.form.effectiveFromHelp', { date: latest.effectiveFrom })
            : t('rules.form.effectiveFromHelpNew')
        }
        rules={[{ required: true, message: t('rules.form.effectiveFromRequired') }]}
      >
        <DatePicker autoFocus={source !== null} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        label={t('rules.form.citation')}
        name="citation"
        rules={[
          { required: true, whitespace: true, message: t('rules.form.citationRequired') },
          { min: 2, max: 300, message: t('rules.form.citationRequired') },
        ]}
      >
        <Input maxLength={300} autoComplete="off" placeholder={t('rules.form.citationPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('rules.form.note')} name="note">
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('rules.form.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
