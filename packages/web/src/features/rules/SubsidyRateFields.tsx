import { Alert, Form, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const CASE_TYPES = [
  'criminal',
  'civil',
  'administrative',
  'state_compensation',
  'appeal',
  'notarial',
  'non_litigation',
] as const;
const STAGES = [
  'investigation',
  'prosecution_review',
  'trial_first_instance',
  'trial_second_instance',
  'death_penalty_review',
  'compulsory_medical_treatment',
] as const;
const KINDS = ['base', 'supplement', 'cost', 'quality_band'] as const;
const SERVICES = ['case', 'consultation_duty', 'duty_lawyer'] as const;
const UNITS = ['per_case', 'per_working_day', 'per_half_day'] as const;
const TRIGGERS = [
  'extra_stage',
  'extra_party',
  'remote_travel',
  'complex',
  'extra_hearing',
  'terminated',
] as const;
const COST_KINDS = [
  'copying',
  'travel',
  'communication',
  'meals',
  'investigation',
  'interpretation',
  'other',
] as const;
const TREATMENTS = ['capped', 'at_cost', 'included'] as const;

/** The keys each kind of subsidy row carries (the server's strict schema, rule-tables.ts). */
const KEYS: Record<(typeof KINDS)[number], string[]> = {
  base: ['kind', 'code', 'nameZh', 'nameEn', 'service', 'caseTypes', 'stage', 'unit', 'amountFen'],
  supplement: [
    'kind',
    'code',
    'nameZh',
    'nameEn',
    'caseTypes',
    'trigger',
    'method',
    'amountFen',
    'percentBp',
    'includedCount',
    'capFen',
  ],
  cost: ['kind', 'code', 'nameZh', 'nameEn', 'costKind', 'treatment', 'capFen'],
  quality_band: ['kind', 'code', 'nameZh', 'nameEn', 'minScore', 'maxScore', 'percentBp'],
};

/** A subsidy row's `data` as the server takes it: only its kind's keys; an emptied figure is null (待中心设定). */
export function subsidyRateData(data: Record<string, unknown>): Record<string, unknown> {
  const kind = (KINDS as readonly string[]).includes(String(data.kind))
    ? (data.kind as (typeof KINDS)[number])
    : 'base';
  const out: Record<string, unknown> = {};
  for (const key of KEYS[kind]) {
    const v = data[key];
    if (['amountFen', 'percentBp', 'capFen'].includes(key)) out[key] = typeof v === 'number' ? v : null;
    else if (key === 'stage') {
      if (typeof v === 'string' && v) out[key] = v;
    } else if (v !== undefined) out[key] = v;
  }
  return out;
}

const yuan = {
  getValueProps: (fen: unknown) => ({ value: typeof fen === 'number' ? fen / 100 : fen }),
  normalize: (value: unknown) => (typeof value === 'number' ? Math.round(value * 100) : null),
};
const percent = {
  getValueProps: (bp: unknown) => ({ value: typeof bp === 'number' ? bp / 100 : bp }),
  normalize: (value: unknown) => (typeof value === 'number' ? Math.round(value * 100) : null),
};

/**
 * The fields of a subsidy standard row (rule table `subsidy_rate`): its kind and structure, and the
 * figure the centre sets. An empty figure stays 待中心设定: the calculation then says it is missing.
 */
export function SubsidyRateFields({
  code,
  names,
  keyLocked,
}: {
  code: ReactNode;
  names: ReactNode;
  keyLocked: boolean;
}) {
  const { t } = useTranslation();
  const kind = (Form.useWatch(['data', 'kind']) as string | undefined) ?? 'base';
  const method = Form.useWatch(['data', 'method']) as string | undefined;
  const treatment = Form.useWatch(['data', 'treatment']) as string | undefined;
  const w = (key: string) => t(`rules.subsidy.${key}` as 'rules.subsidy.kind');
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`rules.subsidy.${prefix}.${v}` as 'rules.subsidy.kind') }));
  const amount = (name: string, label: string) => (
    <Form.Item label={label} name={['data', name]} extra={w('unsetHelp')} {...yuan}>
      <InputNumber
        min={0}
        max={1_000_000}
        precision={2}
        suffix={t('rules.form.yuan')}
        style={{ width: 220 }}
      />
    </Form.Item>
  );
  return (
    <>
      {code}
      {names}
      <Form.Item label={w('kind')} name={['data', 'kind']}>
        <Select disabled={keyLocked} options={options(KINDS, 'kinds')} style={{ width: 220 }} />
      </Form.Item>
      {kind === 'base' && (
        <>
          <Form.Item label={w('service')} name={['data', 'service']}>
            <Select disabled={keyLocked} options={options(SERVICES, 'services')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={w('caseTypes')} name={['data', 'caseTypes']}>
            <Select
              mode="multiple"
              disabled={keyLocked}
              options={CASE_TYPES.map((c) => ({
                value: c,
                label: t(`applications.caseTypes.${c}` as 'applications.caseTypes.civil'),
              }))}
            />
          </Form.Item>
          <Form.Item label={w('stage')} name={['data', 'stage']}>
            <Select
              allowClear
              disabled={keyLocked}
              options={options(STAGES, 'stages')}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={w('unit')} name={['data', 'unit']}>
            <Select disabled={keyLocked} options={options(UNITS, 'units')} style={{ width: 220 }} />
          </Form.Item>
          {amount('amountFen', w('amount'))}
        </>
      )}
      {kind === 'supplement' && (
        <>
          <Form.Item label={w('trigger')} name={['data', 'trigger']}>
            <Select disabled={keyLocked} options={options(TRIGGERS, 'triggers')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={w('method')} name={['data', 'method']}>
            <Select
              options={options(['fixed', 'percent_of_base'] as const, 'methods')}
              style={{ width: 220 }}
            />
          </Form.Item>
          {method === 'percent_of_base' ? (
            <Form.Item label={w('percent')} name={['data', 'percentBp']} extra={w('unsetHelp')} {...percent}>
              <InputNumber min={-100} max={100} precision={2} suffix="%" style={{ width: 220 }} />
            </Form.Item>
          ) : (
            amount('amountFen', w('amountEach'))
          )}
          <Form.Item label={w('includedCount')} name={['data', 'includedCount']}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={w('cap')} name={['data', 'capFen']} {...yuan}>
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              suffix={t('rules.form.yuan')}
              style={{ width: 220 }}
            />
          </Form.Item>
        </>
      )}
      {kind === 'cost' && (
        <>
          <Form.Item label={w('costKind')} name={['data', 'costKind']}>
            <Select disabled={keyLocked} options={options(COST_KINDS, 'costKinds')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={w('treatment')} name={['data', 'treatment']}>
            <Select options={options(TREATMENTS, 'treatments')} style={{ width: 220 }} />
          </Form.Item>
          {treatment === 'capped' && amount('capFen', w('cap'))}
        </>
      )}
      {kind === 'quality_band' && (
        <>
          <Form.Item label={w('minScore')} name={['data', 'minScore']} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item label={w('maxScore')} name={['data', 'maxScore']} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item label={w('percent')} name={['data', 'percentBp']} extra={w('unsetHelp')} {...percent}>
            <InputNumber min={-100} max={100} precision={2} suffix="%" style={{ width: 220 }} />
          </Form.Item>
        </>
      )}
      <Alert type="info" showIcon title={w('sourceHelp')} />
    </>
  );
}

/** The subsidy policy row: which date picks the standard, and the adjustment needing a second person. */
export function SubsidyPolicyFields() {
  const { t } = useTranslation();
  const w = (key: string) => t(`rules.subsidy.${key}` as 'rules.subsidy.kind');
  return (
    <>
      <Form.Item label={w('dateBasis')} name={['data', 'dateBasis']} rules={[{ required: true }]}>
        <Select
          style={{ width: 220 }}
          options={(['assignment', 'closing'] as const).map((v) => ({
            value: v,
            label: w(`dateBases.${v}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={w('secondApproval')}
        name={['data', 'secondApprovalAboveFen']}
        rules={[{ required: true }]}
        {...yuan}
      >
        <InputNumber
          min={0}
          max={1_000_000}
          precision={2}
          suffix={t('rules.form.yuan')}
          style={{ width: 220 }}
        />
      </Form.Item>
    </>
  );
}
