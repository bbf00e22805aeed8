import { Table, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type IssuedDocument } from '../../api';
import { atBeijing } from './format';

/** Documents issued on the application (receipt, supplement notice, decisions), each as a PDF. */
export function DocumentsTab({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Table<IssuedDocument>
      size="small"
      rowKey="id"
      dataSource={application.documents}
      pagination={false}
      locale={{ emptyText: t('applications.documentsTab.empty') }}
      columns={[
        {
          key: 'kind',
          title: t('applications.documentsTab.kind'),
          render: (_, d) => t(`applications.documents.${d.kind}`),
        },
        {
          key: 'number',
          title: t('applications.documentsTab.number'),
          render: (_, d) => <span className="mono">{d.number}</span>,
        },
        {
          key: 'issuedAt',
          title: t('applications.documentsTab.issuedAt'),
          width: 160,
          render: (_, d) => atBeijing(d.issuedAt),
        },
        {
          key: 'issuedBy',
          title: t('applications.documentsTab.issuedBy'),
          width: 120,
          render: (_, d) => d.issuedBy?.displayName ?? '—',
        },
        {
          key: 'delivery',
          title: t('applications.documentsTab.delivery'),
          width: 170,
          render: (_, d) => {
            const delivery = application.deliveries.find((x) => x.documentId === d.id);
            if (delivery)
              return t('applications.documentsTab.deliveredAs', {
                method: t(`applications.delivery.methods.${delivery.method}`),
                date: delivery.deliveredOn,
              });
            return d.kind === 'refusal_decision' || d.kind === 'termination_decision' ? (
              <Typography.Text type="warning">{t('applications.documentsTab.notDelivered')}</Typography.Text>
            ) : (
              '—'
            );
          },
        },
        {
          key: 'open',
          title: t('common.actions'),
          width: 130,
          render: (_, d) => (
            <a
              href={applicationsApi.documentPdfUrl(application.id, d.id)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${t('applications.documentsTab.open')} ${t(`applications.documents.${d.kind}`)}`}
            >
              <FilePdfOutlined aria-hidden /> {t('applications.documentsTab.open')}
            </a>
          ),
        },
      ]}
    />
  );
}
