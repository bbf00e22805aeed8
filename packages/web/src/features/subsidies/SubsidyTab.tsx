import { Empty, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { subsidiesApi, type SubsidyPayment } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { InfoList } from '../../components/InfoList';
import { formatFen } from '../applications/labels';
import { beijingDateTime } from '../rules/beijingTime';
import { subsidyKeys } from './subsidyKeys';
import { CalculationLines } from './CalculationLines';
import { subsidyAreaApi, subsidyAreaKeys } from './subsidiesApi';

/**
 * 补贴 on the application file: the calculation made at the accepted closing (each line, its rule
 * row and evidence, where it stands), then each subsidy paid, to whom, how much, when, under which
 * reference.
 */
export function SubsidyTab({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const calculation = useQuery({
    queryKey: subsidyAreaKeys.ofCase(applicationId),
    queryFn: () => subsidyAreaApi.ofCase(applicationId),
  });
  const query = useQuery({
    queryKey: subsidyKeys.payments(applicationId),
    queryFn: ({ signal }) => subsidiesApi.payments(applicationId, signal),
  });
  if (query.isError) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || calculation.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    <Flex vertical gap={24}>
      {calculation.data && <CalculationLines calc={calculation.data} />}
      {query.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subsidies.empty')} />
      ) : (
        <SubsidyPaymentsView payments={query.data} />
      )}
    </Flex>
  );
}

/** The subsidies paid, in words: on the file, and as the archived file (归档卷宗) keeps them. */
export function SubsidyPaymentsView({ payments }: { payments: SubsidyPayment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={16}>
      {payments.map((p) => (
        <section key={p.id} aria-label={t('subsidies.tab')} data-testid="subsidy-payment">
          <InfoList
            labelWidth={120}
            items={[
              {
                key: 'amount',
                label: t('subsidies.amount'),
                value: <Typography.Text strong>{formatFen(p.amountFen, i18n.language)}</Typography.Text>,
              },
              {
                key: 'payee',
                label: t('subsidies.payee'),
                value: (
                  <Flex wrap gap={8} align="center">
                    <Tag>{t(`subsidies.payeeKinds.${p.payee.kind}`)}</Tag>
                    {p.payee.name}
                  </Flex>
                ),
              },
              { key: 'handler', label: t('subsidies.handler'), value: p.handler.name },
              { key: 'paidOn', label: t('subsidies.paidOn'), value: p.paidOn },
              {
                key: 'reference',
                label: t('subsidies.reference'),
                value: <span className="mono">{p.paymentReference}</span>,
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('subsidies.by', { name: p.recordedBy.displayName, ...beijingDateTime(p.recordedAt) })}
          </Typography.Text>
        </section>
      ))}
    </Flex>
  );
}
