import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partnersApi, type PartnerRequest } from '../../api';
import { formatDateTime } from '../../utils';

const KNOWN_ERRORS = [
  'PARTNER_SIGNATURE_INVALID',
  'PARTNER_TIMESTAMP_SKEW',
  'PARTNER_NONCE_REUSED',
  'PARTNER_KEY_REVOKED',
  'PARTNER_OPERATION_FORBIDDEN',
  'PARTNER_RATE_LIMITED',
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'NOT_FOUND',
] as const;
const OPERATIONS = ['criminal_notices', 'forwarded_applications', 'duty_lawyer_requests', 'any'] as const;

/** The partner's request log, newest first: each refusal named in words. */
export function PartnerRequestLog({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['partners', partnerId, 'requests', page],
    queryFn: ({ signal }) => partnersApi.requests(partnerId, page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const errorWords = (code: string | null) => {
    if (!code) return '—';
    const known = KNOWN_ERRORS.find((c) => c === code);
    return known ? t(`partners.errors.${known}`) : t('partners.errors.other');
  };
  const operationWords = (op: string | null) => {
    const known = OPERATIONS.find((o) => o === op);
    return known ? t(`partners.operations.${known}`) : '—';
  };
  return (
    <>
      <Button
        icon={<ReloadOutlined aria-hidden />}
        onClick={() => void list.refetch()}
        loading={list.isFetching}
        style={{ marginBottom: 16 }}
      >
        {t('common.refresh')}
      </Button>
      <Table<PartnerRequest>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('partners.requests.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        columns={[
          { title: t('partners.requests.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          { title: t('partners.requests.operation'), dataIndex: 'operation', render: operationWords },
          {
            title: t('partners.requests.status'),
            dataIndex: 'status',
            render: (status: number) =>
              status < 400 ? (
                <Tag color="green">{t('partners.requests.ok')}</Tag>
              ) : (
                <Tag color="red">{t('partners.requests.failed')}</Tag>
              ),
          },
          { title: t('partners.requests.latency'), dataIndex: 'latencyMs' },
          { title: t('partners.requests.error'), dataIndex: 'errorCode', render: errorWords },
        ]}
      />
    </>
  );
}
