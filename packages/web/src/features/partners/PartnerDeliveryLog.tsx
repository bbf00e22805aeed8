import { App, Button, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partnersApi, type PartnerDelivery } from '../../api';
import { formatDateTime } from '../../utils';
import { PagedLog } from './PagedLog';

const STATUS_COLOUR = { pending: 'gold', delivered: 'green', failed: 'red' } as const;
const KNOWN_ERRORS = ['ECONNREFUSED', 'TIMEOUT', 'NO_CALLBACK_URL', 'NO_OUTBOUND_KEY'] as const;

/** The callbacks sent to the partner (回调投递记录), newest first; a failed one can be sent again. */
export function PartnerDeliveryLog({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: (deliveryId: string) => partnersApi.retryDelivery(partnerId, deliveryId),
    onSuccess: () => {
      void message.success(t('partners.deliveries.retried'));
      void queryClient.invalidateQueries({ queryKey: ['partners', partnerId, 'deliveries'] });
    },
  });
  const errorWords = (row: PartnerDelivery) => {
    if (!row.lastError) return '—';
    if (row.lastError.startsWith('HTTP_'))
      return t('partners.deliveries.errors.http', { status: row.lastHttpStatus ?? '' });
    const known = KNOWN_ERRORS.find((c) => c === row.lastError);
    return known ? t(`partners.deliveries.errors.${known}`) : t('partners.deliveries.errors.other');
  };
  return (
    <PagedLog<PartnerDelivery>
      queryKey={['partners', partnerId, 'deliveries']}
      fetchPage={(page, signal) => partnersApi.deliveries(partnerId, page, signal)}
      emptyText={t('partners.deliveries.empty')}
      columns={[
        {
          title: t('partners.deliveries.createdAt'),
          dataIndex: 'createdAt',
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('partners.deliveries.kind'),
          dataIndex: 'kind',
          render: (kind: PartnerDelivery['kind']) => t(`partners.deliveries.kinds.${kind}`),
        },
        { title: t('partners.deliveries.case'), dataIndex: 'applicationNumber' },
        {
          title: t('partners.deliveries.status'),
          dataIndex: 'status',
          render: (status: PartnerDelivery['status']) => (
            <Tag color={STATUS_COLOUR[status]}>{t(`partners.deliveries.statuses.${status}`)}</Tag>
          ),
        },
        { title: t('partners.deliveries.attempts'), dataIndex: 'attempts' },
        {
          title: t('partners.deliveries.httpStatus'),
          dataIndex: 'lastHttpStatus',
          render: (v: number | null) => v ?? '—',
        },
        {
          title: t('partners.deliveries.latency'),
          dataIndex: 'latencyMs',
          render: (v: number | null) => v ?? '—',
        },
        {
          title: t('partners.deliveries.nextAttemptAt'),
          dataIndex: 'nextAttemptAt',
          render: (v: string | null) => (v ? formatDateTime(v) : '—'),
        },
        { title: t('partners.deliveries.error'), key: 'error', render: (_, row) => errorWords(row) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, row) =>
            row.status === 'failed' ? (
              <Button size="small" loading={retry.isPending} onClick={() => retry.mutate(row.id)}>
                {t('partners.deliveries.retry')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
