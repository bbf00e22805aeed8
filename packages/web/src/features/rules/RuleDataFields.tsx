import { Form, Input, InputNumber, Select, Switch } from 'antd';
import {
  APPLICANT_CATEGORIES,
  FACT_CODE_PATTERN,
  RULE_LISTS,
  SERVICE_STANDARD_CODE_PATTERN,
} from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import type { RuleRow, RuleTableName } from '../../api';
import { categoryName, localName } from './labels';
import { useFacts } from './useFacts';
import { ServiceStandardFields } from './ServiceStandardFields';
import { SubsidyPolicyFields, SubsidyRateFields } from './SubsidyRateFields';

// The server's rules (rule-tables.ts), checked here first so the reason shows next to the field.
const CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
const UNITS = ['calendar_days', 'working_days', 'hours'] as const;

/** `params` of a coded-list row: a JSON object of text, numbers and booleans. */
export function parseParams(text: string | undefined): Record<string, string | number | boolean> | null {
  try {
    const value: unknown = JSON.parse(text?.trim() || '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const ok = Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    return ok ? (value as Record<string, string | number | boolean>) : null;
  } catch {
    return null;
  }
}

interface Props {
  table: RuleTableName;
  /** A version of an existing rule keeps its code (what makes versions replace each other). */
  keyLocked: boolean;
  matters: RuleRow[];
}

/** The fields of a rule's `data`, per table. */
export function RuleDataFields({ table, keyLocked, matters }: Props) {
  const { t, i18n } = useTranslation();
  // Facts are rows of the rule list `fact` (every version, so a closed fact still has its name).
  const { facts } = useFacts(undefined);
  const factOptions = facts.map((f) => ({
    value: f.code,
    label: i18n.language === 'en-US' ? f.nameEn : f.nameZh,
  }));
  const list = Form.useWatch(['data', 'list']) as string | undefined;
  // Fact codes are camelCase (they are JSON keys of `facts`); other codes snake_case.
  const codeRules = [
    { required: true, whitespace: true, message: t('rules.form.codeRequired') },
    table === 'list_item' && list === 'fact'
      ? { pattern: FACT_CODE_PATTERN, message: t('rules.form.factCodePattern') }
      : table === 'service_standard'
        ? { pattern: SERVICE_STANDARD_CODE_PATTERN, message: t('rules.form.serviceStandardCodePattern') }
        : { pattern: CODE_PATTERN, message: t('rules.form.codePattern') },
  ];
  const code = (name: string, label: string) => (
    <Form.Item
      label={label}
      name={['data', name]}
      rules={keyLocked ? [] : codeRules}
      extra={keyLocked ? t('rules.form.codeLocked') : undefined}
    >
      <Input disabled={keyLocked} maxLength={64} autoComplete="off" className="mono" />
    </Form.Item>
  );
  const names = (
    <>
      <Form.Item
        label={t('rules.form.nameZh')}
        name={['data', 'nameZh']}
        rules={[{ required: true, whitespace: true, message: t('rules.form.nameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" lang="zh-CN" />
      </Form.Item>
      <Form.Item
        label={t('rules.form.nameEn')}
        name={['data', 'nameEn']}
        rules={[{ required: true, whitespace: true, message: t('rules.form.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" lang="en" />
      </Form.Item>
    </>
  );

  switch (table) {
    case 'service_standard':
      return <ServiceStandardFields code={code('code', t('rules.form.code'))} names={names} />;
    case 'subsidy_rate':
      return (
        <SubsidyRateFields code={code('code', t('rules.form.code'))} names={names} keyLocked={keyLocked} />
      );
    case 'subsidy_policy':
      return <SubsidyPolicyFields />;
    case 'threshold':
      return (
        <Form.Item
          label={t('rules.form.threshold')}
          name={['data', 'monthlyIncomePerMemberFen']}
          extra={t('rules.form.thresholdHelp')}
          rules={[{ required: true, message: t('rules.form.thresholdRequired') }]}
          // Stored in fen (integers); people type yuan.
          getValueProps={(fen: unknown) => ({ value: typeof fen === 'number' ? fen / 100 : fen })}
          normalize={(value: unknown) => (typeof value === 'number' ? Math.round(value * 100) : value)}
        >
          <InputNumber
            min={0}
            max={1_000_000}
            precision={2}
            suffix={t('rules.form.yuan')}
            style={{ width: 220 }}
          />
        </Form.Item>
      );
    case 'period':
      return (
        <>
          {code('kind', t('rules.form.periodKind'))}
          <Form.Item
            label={t('rules.form.amount')}
            name={['data', 'amount']}
            rules={[{ required: true, message: t('rules.form.amountRequired') }]}
          >
            <InputNumber min={0} max={3650} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label={t('rules.form.unit')}
            name={['data', 'unit']}
            rules={[{ required: true, message: t('rules.form.unitRequired') }]}
          >
            <Select
              style={{ width: 200 }}
              options={UNITS.map((u) => ({ value: u, label: t(`rules.unit.${u}`) }))}
            />
          </Form.Item>
          {names}
        </>
      );
    case 'matter':
      return (
        <>
          {code('code', t('rules.form.code'))}
          {names}
          <Form.Item label={t('rules.form.requiresFacts')} name={['data', 'requiresFacts']}>
            <Select mode="multiple" options={factOptions} placeholder={t('rules.form.none')} />
          </Form.Item>
          <Form.Item
            label={t('rules.form.hardshipTested')}
            name={['data', 'hardshipTested']}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </>
      );
    case 'exemption':
      return (
        <>
          {code('code', t('rules.form.code'))}
          <Form.Item
            label={t('rules.form.kind')}
            name={['data', 'kind']}
            rules={[{ required: true, message: t('rules.form.kindRequired') }]}
          >
            <Select
              options={(['no_condition', 'presumed'] as const).map((k) => ({
                value: k,
                label: t(`rules.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('rules.form.categories')} name={['data', 'categories']}>
            <Select
              mode="multiple"
              placeholder={t('rules.form.none')}
              showSearch={{ optionFilterProp: 'label' }}
              options={APPLICANT_CATEGORIES.map((c) => ({ value: c, label: categoryName(c, i18n.language) }))}
            />
          </Form.Item>
          <Form.Item label={t('rules.form.facts')} name={['data', 'facts']}>
            <Select mode="multiple" options={factOptions} placeholder={t('rules.form.none')} />
          </Form.Item>
          <Form.Item label={t('rules.form.matters')} name={['data', 'matters']}>
            <Select
              mode="multiple"
              placeholder={t('rules.anyMatter')}
              showSearch={{ optionFilterProp: 'label' }}
              options={matters.map((m) => ({
                value: m.key,
                label: localName(m.data, i18n.language) ?? m.key,
              }))}
            />
          </Form.Item>
        </>
      );
    case 'list_item':
      return (
        <>
          <Form.Item
            label={t('rules.form.list')}
            name={['data', 'list']}
            rules={[{ required: true, message: t('rules.form.listRequired') }]}
          >
            <Select
              disabled={keyLocked}
              options={RULE_LISTS.map((l) => ({ value: l, label: t(`rules.list.${l}`) }))}
            />
          </Form.Item>
          {code('code', t('rules.form.code'))}
          {names}
          <Form.Item
            label={t('rules.form.params')}
            name="paramsJson"
            extra={t('rules.form.paramsHelp')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  parseParams(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('rules.form.paramsInvalid'))),
              },
            ]}
          >
            <Input.TextArea rows={3} className="mono" spellCheck={false} />
          </Form.Item>
        </>
      );
  }
}
