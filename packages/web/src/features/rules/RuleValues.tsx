import { Flex, Tag, Tooltip, Typography } from 'antd';
import { yuan } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import type { RuleRow } from '../../api';
import { categoryName } from './labels';
import { factLabel, useFacts } from './useFacts';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

interface Props {
  row: RuleRow;
  /** Matter code → name, for exemptions that list the matters they apply to. */
  matterName: (code: string) => string;
}

/** What a rule version says, in words: the amount of a line, the length of a period, whom an exemption covers. */
export function RuleValues({ row, matterName }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const data = row.data;
  const { facts: factRows } = useFacts(undefined);
  const factName = (fact: string) => factLabel(factRows, fact, i18n.language);

  switch (row.ruleTable) {
    case 'threshold': {
      const fen = Number(data.monthlyIncomePerMemberFen);
      return <strong>{t('rules.perMember', { amount: yuan(fen, locale) })}</strong>;
    }
    case 'period': {
      const unit = String(data.unit);
      return (
        <strong>
          {t(`rules.amount.${unit}` as 'rules.amount.calendar_days', {
            count: Number(data.amount),
            defaultValue: `${String(data.amount)} ${unit}`,
          })}
        </strong>
      );
    }
    case 'matter': {
      const facts = strings(data.requiresFacts);
      return (
        <Flex wrap gap={4}>
          {data.hardshipTested === false ? (
            <Tag color="green">{t('rules.hardshipNotTested')}</Tag>
          ) : (
            <Tag>{t('rules.hardshipTested')}</Tag>
          )}
          {facts.map((fact) => (
            <Tag key={fact} color="purple">
              {t('rules.requiresFacts', { fact: factName(fact) })}
            </Tag>
          ))}
        </Flex>
      );
    }
    case 'exemption': {
      const kind = String(data.kind);
      const matters = strings(data.matters);
      return (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={kind === 'no_condition' ? 'green' : 'cyan'}>
            {t(`rules.kind.${kind}` as 'rules.kind.presumed', kind)}
          </Tag>
          <Flex wrap gap={4}>
            {strings(data.categories).map((c) => (
              <Tag key={c} color="blue">
                {categoryName(c, i18n.language)}
              </Tag>
            ))}
            {strings(data.facts).map((f) => (
              <Tag key={f} color="purple">
                {factName(f)}
              </Tag>
            ))}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {matters.length === 0 ? t('rules.anyMatter') : matters.map(matterName).join('、')}
          </Typography.Text>
        </Flex>
      );
    }
    case 'list_item': {
      const list = String(data.list);
      const params = Object.entries((data.params as Record<string, unknown> | undefined) ?? {});
      return (
        <Flex vertical gap={4} align="flex-start">
          <Tag color="geekblue">{t(`rules.list.${list}` as 'rules.list.refusal_reason', list)}</Tag>
          {/* The item's parameters are codes for the rule engine: in the tooltip, not on the page. */}
          {params.length > 0 && (
            <Tooltip title={params.map(([k, v]) => `${k}: ${String(v)}`).join(', ')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} tabIndex={0}>
                {t('rules.params', { count: params.length })}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      );
    }
    case 'service_standard': {
      const evidence = (data.evidence ?? {}) as { kind?: string };
      return (
        <Flex vertical gap={4} align="flex-start">
          <Flex wrap gap={4}>
            <Tag color="geekblue">{String(data.standard)}</Tag>
            <Tag>{t(`inspection.stages.${String(data.stage)}` as 'inspection.stages.handling')}</Tag>
            {strings(data.caseTypes).map((c) => (
              <Tag key={c} color="blue">
                {t(`applications.caseTypes.${c}` as 'applications.caseTypes.civil')}
              </Tag>
            ))}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rules.serviceStandard', {
              weight: Number(data.weight),
              evidence: t(
                `rules.form.evidenceKinds.${String(evidence.kind)}` as 'rules.form.evidenceKinds.judgement',
              ),
            })}
            {typeof data.withinDays === 'number' && ` · ${t('rules.withinDays', { count: data.withinDays })}`}
          </Typography.Text>
        </Flex>
      );
    }
    case 'subsidy_rate': {
      const w = (key: string) => t(`rules.subsidy.${key}` as 'rules.subsidy.kind');
      const kind = String(data.kind);
      const money = (v: unknown) =>
        typeof v === 'number' ? yuan(v, locale) : <Tag color="warning">{w('amountUnset')}</Tag>;
      const share = (v: unknown) =>
        typeof v === 'number' ? (
          `${v > 0 ? '+' : ''}${v / 100}%`
        ) : (
          <Tag color="warning">{w('amountUnset')}</Tag>
        );
      return (
        <Flex wrap gap={4} align="center">
          <Tag>{w(`kinds.${kind}`)}</Tag>
          {kind === 'base' && (
            <>
              <strong>{money(data.amountFen)}</strong>
              <span>{w(`units.${String(data.unit)}`)}</span>
            </>
          )}
          {kind === 'supplement' && (
            <strong>
              {data.method === 'percent_of_base' ? share(data.percentBp) : money(data.amountFen)}
            </strong>
          )}
          {kind === 'cost' && (
            <>
              <span>{w(`treatments.${String(data.treatment)}`)}</span>
              {data.treatment === 'capped' && <strong>{money(data.capFen)}</strong>}
            </>
          )}
          {kind === 'quality_band' && (
            <>
              <span>
                {String(data.minScore)}–{String(data.maxScore)}
              </span>
              <strong>{share(data.percentBp)}</strong>
            </>
          )}
        </Flex>
      );
    }
    case 'subsidy_policy':
      return (
        <Typography.Text>
          {t('rules.subsidy.dateBasis' as 'rules.subsidy.kind')}：
          {t(`rules.subsidy.dateBases.${String(data.dateBasis)}` as 'rules.subsidy.kind')} ·{' '}
          {t('rules.subsidy.secondApproval' as 'rules.subsidy.kind')}{' '}
          {yuan(Number(data.secondApprovalAboveFen), locale)}
        </Typography.Text>
      );
    default:
      return (
        <Tooltip title={JSON.stringify(data)}>
          <Typography.Text type="secondary" tabIndex={0}>
            {t('rules.params', { count: Object.keys(data).length })}
          </Typography.Text>
        </Tooltip>
      );
  }
}
