import { Alert, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../applications/labels';
import { Citation } from '../rules/Citation';
import type { Calculation, CalculationItem, CalculationStatus } from './subsidiesApi';

export const CALCULATION_COLOURS: Record<CalculationStatus, string> = {
  calculated: 'gold',
  pending_second: 'orange',
  approved: 'blue',
  batched: 'cyan',
  paid: 'green',
};

export function CalculationStatusTag({ status }: { status: CalculationStatus }) {
  const { t } = useTranslation();
  return <Tag color={CALCULATION_COLOURS[status]}>{t(`subsidyArea.statuses.${status}`)}</Tag>;
}

/**
 * A subsidy calculation in words: each line with its rule row's source, its evidence and why, the
 * sum, the adjustment and the approved amount. Shown to finance, on the case file and to the handler.
 */
export function CalculationLines({ calc }: { calc: Calculation }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const money = (fen: number | null) =>
    fen === null ? <Tag color="warning">{t('subsidyArea.drawer.unset')}</Tag> : formatFen(fen, i18n.language);
  return (
    <Flex vertical gap={12}>
      {calc.problems.length > 0 && <Alert type="warning" showIcon title={t('subsidyArea.drawer.noBase')} />}
      {!calc.complete && calc.status === 'calculated' && (
        <Alert type="info" showIcon title={t('subsidyArea.drawer.incomplete')} />
      )}
      <Table<CalculationItem>
        size="small"
        rowKey={(i) => `${i.kind}:${i.code}`}
        pagination={false}
        dataSource={calc.items}
        aria-label={t('subsidyArea.drawer.lines')}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('subsidyArea.drawer.item'),
            key: 'item',
            render: (_: unknown, i) => (
              <Flex vertical>
                <span>{en ? i.nameEn : i.nameZh}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`subsidyArea.kinds.${i.kind}`)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('subsidyArea.drawer.source'),
            dataIndex: 'evidence',
            render: (v: CalculationItem['evidence']) => <Tag>{t(`subsidyArea.evidence.${v}`)}</Tag>,
          },
          {
            title: t('subsidyArea.drawer.explanation'),
            key: 'why',
            render: (_: unknown, i) => (en ? i.explanationEn : i.explanationZh),
          },
          {
            title: t('subsidyArea.drawer.citation'),
            dataIndex: 'citation',
            render: (v: string) => (
              <Typography.Text style={{ fontSize: 12 }}>
                <Citation citation={v} />
              </Typography.Text>
            ),
          },
          {
            title: t('subsidyArea.drawer.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number | null) => money(v),
          },
        ]}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'computed',
            // The rule version (a fingerprint of the rows used) is for auditors: in the tooltip.
            label: (
              <Tooltip title={t('subsidyArea.drawer.ruleVersionIs', { version: calc.ruleVersion })}>
                {t('subsidyArea.drawer.computed')}
              </Tooltip>
            ),
            children: money(calc.computedFen),
          },
          {
            key: 'adjustment',
            label: t('subsidyArea.drawer.adjustment'),
            children: calc.adjustmentFen
              ? `${money(calc.adjustmentFen) as string}（${calc.adjustmentReason ?? ''}）`
              : '—',
          },
          {
            key: 'total',
            label: t('subsidyArea.drawer.total'),
            children: (
              <Typography.Text strong data-testid="subsidy-total">
                {money(calc.totalFen)}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            label: t('subsidyArea.calculations.status'),
            children: <CalculationStatusTag status={calc.status} />,
          },
          {
            key: 'basis',
            label: t('subsidyArea.drawer.basis'),
            children: `${calc.basisDate}（${t(`subsidyArea.drawer.dateBases.${calc.dateBasis}`)}）`,
          },
          ...(calc.reviewedBy
            ? [
                {
                  key: 'reviewer',
                  label: t('subsidyArea.drawer.reviewedBy'),
                  children: calc.reviewedBy.displayName,
                },
              ]
            : []),
          ...(calc.secondApprovedBy
            ? [
                {
                  key: 'second',
                  label: t('subsidyArea.drawer.secondApprovedBy'),
                  children: calc.secondApprovedBy.displayName,
                },
              ]
            : []),
          ...(calc.batch
            ? [{ key: 'batch', label: t('subsidyArea.drawer.batch'), children: calc.batch.number }]
            : []),
          ...(calc.paidOn
            ? [{ key: 'paidOn', label: t('subsidyArea.drawer.paidOn'), children: calc.paidOn }]
            : []),
        ]}
      />
    </Flex>
  );
}
