import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { partnersApi, type PartnerRequest } from '../../api';
import { formatDateTime } from '../../utils';
import { PagedLog } from './PagedLog';

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
    <PagedLog<PartnerRequest>
      queryKey={['partners', partnerId, 'requests']}
      fetchPage={(page, signal) => partnersApi.requests(partnerId, page, signal)}
      emptyText={t('partners.requests.empty')}
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
  );
}
