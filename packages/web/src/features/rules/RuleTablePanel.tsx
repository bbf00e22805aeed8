import { useMemo, useState } from 'react';
import { Button, Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RuleRow, RuleTableName } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { beijingToday } from './beijingTime';
import { Citation } from './Citation';
import { localName, NATIONAL } from './labels';
import { CodeLabel } from '../../components/CodeLabel';
import { codeLabeller } from '../../hooks/codeLabel';
import { latestVersion, sortVersions, statusOf } from './ruleData';
import { RuleValues } from './RuleValues';
import { RuleVersionModal } from './RuleVersionModal';
import { mostLocal, useJurisdictionName, useRuleRows } from './useRules';

interface Props {
  table: RuleTableName;
  tableLabel: string;
  jurisdiction: string;
  /** From the most general jurisdiction to the selected one. */
  chain: string[];
  canManage: boolean;
}

type Modal = { source: RuleRow | null } | null;

/** Every version of one rule table for a jurisdiction, inherited rows included, grouped by rule. */
export function RuleTablePanel({ table, tableLabel, jurisdiction, chain, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const rows = useRuleRows(table, jurisdiction);
  // Exemptions name matters by code; show their names.
  const matters = useRuleRows('matter', jurisdiction);
  const jurisdictionName = useJurisdictionName();
  const [modal, setModal] = useState<Modal>(null);
  const [today] = useState(beijingToday);

  const sorted = useMemo(() => sortVersions(rows.data ?? [], chain), [rows.data, chain]);
  const matterName = useMemo(() => {
    const names = new Map(
      mostLocal(matters.data ?? [], chain).map((m) => [m.key, localName(m.data, i18n.language) ?? m.key]),
    );
    return codeLabeller(names, matters.isSuccess, t);
  }, [matters.data, matters.isSuccess, chain, i18n.language, t]);

  // The hardship line has no name; other tables name every rule.
  const named = sorted.some((row) => localName(row.data, i18n.language) !== undefined);
  const columns = useMemo<TableColumnsType<RuleRow>>(() => {
    // The first row of each key spans its versions.
    const span = new Map<string, number>();
    sorted.forEach((row, i) => {
      if (i === 0 || sorted[i - 1]?.key !== row.key)
        span.set(row.id, sorted.filter((r) => r.key === row.key).length);
    });
    const newestOfItsRule = (row: RuleRow) => latestVersion(sorted, row.key, row.jurisdiction)?.id === row.id;

    const all: (TableColumnsType<RuleRow>[number] | null)[] = [
      // A rule is read by its name; its key (a code) is in the name's tooltip. Tables whose rows
      // have no name (periods, thresholds) show the key, which there is a plain word or a date.
      named
        ? {
            title: t('rules.name'),
            key: 'name',
            width: 200,
            onCell: (row: RuleRow) => ({ rowSpan: span.get(row.id) ?? 0, className: 'rule-key-cell' }),
            render: (_: unknown, row: RuleRow) => (
              <CodeLabel label={localName(row.data, i18n.language) ?? t('common.none')} code={row.key} />
            ),
          }
        : null,
      {
        title: t('rules.values'),
        key: 'values',
        width: 200,
        // Without a name the rule is read by its values; its key (a code) is in the tooltip.
        render: (_, row) =>
          named ? (
            <RuleValues row={row} matterName={matterName} />
          ) : (
            <Tooltip title={t('common.code', { code: row.key })}>
              <div>
                <RuleValues row={row} matterName={matterName} />
              </div>
            </Tooltip>
          ),
      },
      {
        title: t('rules.citation'),
        dataIndex: 'citation',
        key: 'citation',
        width: 200,
        render: (citation: string, row) => (
          <Flex vertical gap={2} align="flex-start">
            <Citation citation={citation} />
            {row.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.note}
              </Typography.Text>
            )}
          </Flex>
        ),
      },
      {
        title: t('rules.effectiveFrom'),
        dataIndex: 'effectiveFrom',
        key: 'effectiveFrom',
        width: 100,
        render: (from: string, row) => (
          <Flex vertical gap={2} align="flex-start">
            <span>{from}</span>
            {statusOf(row, today) === 'future' && <Tag color="orange">{t('rules.future')}</Tag>}
          </Flex>
        ),
      },
      {
        title: t('rules.effectiveTo'),
        dataIndex: 'effectiveTo',
        key: 'effectiveTo',
        width: 100,
        render: (to: string | null, row) => (
          <Flex vertical gap={2} align="flex-start">
            {to ??
              (statusOf(row, today) !== 'in_force' && (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ))}
            {statusOf(row, today) === 'in_force' && <Tag color="success">{t('rules.inForce')}</Tag>}
          </Flex>
        ),
      },
      {
        title: t('rules.jurisdiction'),
        dataIndex: 'jurisdiction',
        key: 'jurisdiction',
        width: 100,
        render: (code: string) =>
          code === jurisdiction ? (
            jurisdictionName(code)
          ) : (
            <Tooltip title={t('rules.inherited')}>
              <Tag>{code === NATIONAL ? t('rules.national') : jurisdictionName(code)}</Tag>
            </Tooltip>
          ),
      },
    ];
    const cols = all.filter((c): c is TableColumnsType<RuleRow>[number] => c !== null);
    if (canManage)
      cols.push({
        title: t('common.actions'),
        key: 'actions',
        width: 96,
        fixed: 'right',
        render: (_, row) =>
          newestOfItsRule(row) && (
            <Button type="link" size="small" onClick={() => setModal({ source: row })}>
              {t('rules.addVersion')}
            </Button>
          ),
      });
    return cols;
  }, [sorted, named, t, i18n.language, matterName, today, jurisdiction, jurisdictionName, canManage]);

  // The hardship line has one rule per jurisdiction: "add" continues it.
  const addSource =
    table === 'threshold'
      ? (latestVersion(sorted, 'threshold', jurisdiction) ??
        sorted.find((r) => r.jurisdiction === jurisdiction) ??
        null)
      : null;

  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          {rows.data ? t('common.total', { total: rows.data.length }) : ''}
        </Typography.Text>
        <Flex gap={8}>
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void rows.refetch()}
            loading={rows.isFetching}
          >
            {t('common.refresh')}
          </Button>
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setModal({ source: addSource })}
            >
              {table === 'threshold' ? t('rules.addVersion') : t('rules.addRule')}
            </Button>
          )}
        </Flex>
      </Flex>
      {rows.isError && !rows.data ? (
        <ErrorState error={rows.error} onRetry={() => void rows.refetch()} compact />
      ) : (
        <Table<RuleRow>
          rowKey="id"
          size="middle"
          bordered
          columns={columns}
          dataSource={sorted}
          loading={rows.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          tableLayout="fixed"
          aria-label={tableLabel}
          rowClassName={(row) => (statusOf(row, today) === 'ended' ? 'row--inactive' : '')}
          locale={{ emptyText: rows.isPending ? <div style={{ height: 120 }} /> : t('rules.empty') }}
        />
      )}
      <RuleVersionModal
        open={modal !== null}
        table={table}
        tableLabel={tableLabel}
        jurisdiction={jurisdiction}
        source={modal?.source ?? null}
        rows={rows.data ?? []}
        matters={mostLocal(matters.data ?? [], chain)}
        onClose={() => setModal(null)}
      />
    </Card>
  );
}
