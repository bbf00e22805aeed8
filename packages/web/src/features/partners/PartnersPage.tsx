import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partnersApi, type CreatedPartner, type Partner } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../utils';
import { PartnerFormModal } from './PartnerFormModal';
import { PartnerSecretsModal } from './PartnerSecretsModal';

/** 合作机构: the partner institutions that call the partner API, for partner.manage holders. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedPartner | null>(null);
  const list = useQuery({
    queryKey: ['partners', 'list', page],
    queryFn: ({ signal }) => partnersApi.list(page, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t('partners.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('partners.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Table<Partner>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('partners.empty') }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, size) => setPage({ page: p, pageSize: size }),
          }}
          columns={[
            {
              title: t('partners.columns.name'),
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/partners/${row.id}`}>{name}</Link>,
            },
            {
              title: t('partners.columns.kind'),
              dataIndex: 'kind',
              render: (k: Partner['kind']) => t(`partners.kinds.${k}`),
            },
            { title: t('partners.columns.district'), dataIndex: 'organisationName' },
            {
              title: t('partners.columns.operations'),
              dataIndex: 'operations',
              render: (ops: Partner['operations']) => (
                <Space size={4} wrap>
                  {ops.map((o) => (
                    <Tag key={o}>{t(`partners.operations.${o}`)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('partners.columns.active'),
              dataIndex: 'active',
              render: (active: boolean) =>
                active ? (
                  <Tag color="green">{t('partners.active')}</Tag>
                ) : (
                  <Tag>{t('partners.inactive')}</Tag>
                ),
            },
            {
              title: t('partners.columns.lastRequest'),
              dataIndex: 'lastRequestAt',
              render: (at: string | null) => formatDateTime(at) ?? t('partners.never'),
            },
          ]}
        />
      </Card>
      <PartnerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
        }}
      />
      <PartnerSecretsModal
        title={t('partners.secrets.title')}
        secrets={
          created && [
            { labelKey: 'keyId', value: created.keyId },
            { labelKey: 'secret', value: created.secret },
            { labelKey: 'callbackKeyId', value: created.callbackKeyId },
            { labelKey: 'callbackSecret', value: created.callbackSecret },
          ]
        }
        onClose={() => setCreated(null)}
      />
    </>
  );
}
