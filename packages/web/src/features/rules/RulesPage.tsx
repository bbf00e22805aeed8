import { useMemo } from 'react';
import { Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RuleTableName } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { CalendarPanel } from './CalendarPanel';
import { BEIJING, jurisdictionName } from './labels';
import { chainOf } from './ruleData';
import { RuleTablePanel } from './RuleTablePanel';
import { useJurisdictions, useRuleTables } from './useRules';

const CALENDAR_TAB = 'calendar';

/** 规则管理: every rule table and the holiday calendar; versions are added with rules.manage. */
export default function RulesPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan()('rules.manage');
  const tables = useRuleTables();
  const jurisdictions = useJurisdictions();
  // Tab and jurisdiction live in the URL, so reload and shared links keep them.
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? tables.data?.[0]?.table ?? 'matter';
  const jurisdiction = search.get('jurisdiction') ?? BEIJING;
  const chain = useMemo(
    () => chainOf(jurisdiction, new Map((jurisdictions.data ?? []).map((j) => [j.code, j.parentCode]))),
    [jurisdiction, jurisdictions.data],
  );
  const setParam = (name: string, value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const label = (table: { labelZh: string; labelEn: string }) =>
    i18n.language === 'en-US' ? table.labelEn : table.labelZh;

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        extra={
          tab !== CALENDAR_TAB && (
            <Flex align="center" gap={8}>
              <label htmlFor="rules-jurisdiction">{t('rules.jurisdiction')}</label>
              <Select
                id="rules-jurisdiction"
                value={jurisdiction}
                onChange={(value) => setParam('jurisdiction', value)}
                loading={jurisdictions.isPending}
                style={{ width: 160 }}
                options={(jurisdictions.data ?? []).map((j) => ({
                  value: j.code,
                  label: jurisdictionName(j.code, jurisdictions.data, i18n.language),
                }))}
              />
            </Flex>
          )
        }
      />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('rules.intro')}
      </Typography.Paragraph>
      {tables.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : tables.isError ? (
        <ErrorState error={tables.error} onRetry={() => void tables.refetch()} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key)}
          destroyOnHidden
          items={[
            ...tables.data.map((table) => ({
              key: table.table,
              // Long labels keep their words before the parenthesis on the tab; the whole label on hover.
              label: <span title={label(table)}>{label(table).split(/\s*[（(]/)[0]}</span>,
              children: (
                <RuleTablePanel
                  table={table.table as RuleTableName}
                  tableLabel={label(table)}
                  jurisdiction={jurisdiction}
                  chain={chain}
                  canManage={canManage}
                />
              ),
            })),
            {
              key: CALENDAR_TAB,
              label: t('rules.tabCalendar'),
              children: <CalendarPanel canManage={canManage} />,
            },
          ]}
        />
      )}
    </>
  );
}
