import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partnersApi, type PartnerKey, type RotatedKey } from '../../api';
import { formatDateTime } from '../../utils';
import { PartnerSecretsModal } from './PartnerSecretsModal';

/** The keys of a partner (never their secrets): rotate with an overlap, revoke at once. */
export function PartnerKeysPanel({ partnerId, keys }: { partnerId: string; keys: PartnerKey[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rotated, setRotated] = useState<RotatedKey | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['partners'] });
  const rotate = useMutation({
    mutationFn: (direction: 'inbound' | 'outbound') => partnersApi.rotateKey(partnerId, direction),
    onSuccess: async (key) => {
      await refresh();
      setRotated(key);
    },
    onError: (error) => void message.error(error.message),
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => partnersApi.revokeKey(partnerId, keyId),
    onSuccess: async () => {
      await refresh();
      void message.success(t('partners.keys.revoked'));
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Popconfirm title={t('partners.keys.rotateConfirm')} onConfirm={() => rotate.mutate('inbound')}>
          <Button type="primary" loading={rotate.isPending && rotate.variables === 'inbound'}>
            {t('partners.keys.rotate')}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('partners.keys.rotateConfirm')} onConfirm={() => rotate.mutate('outbound')}>
          <Button loading={rotate.isPending && rotate.variables === 'outbound'}>
            {t('partners.keys.rotateCallback')}
          </Button>
        </Popconfirm>
      </Space>
      <Table<PartnerKey>
        rowKey="keyId"
        pagination={false}
        dataSource={keys}
        scroll={{ x: 960 }}
        columns={[
          {
            title: t('partners.keys.keyId'),
            dataIndex: 'keyId',
            render: (keyId: string) => <Typography.Text code>{keyId}</Typography.Text>,
          },
          {
            title: t('partners.keys.direction'),
            dataIndex: 'direction',
            render: (d: PartnerKey['direction']) => t(`partners.keys.${d}`),
          },
          {
            title: t('partners.keys.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('partners.keys.expiresAt'),
            dataIndex: 'expiresAt',
            render: (v: string | null) => formatDateTime(v) ?? '—',
          },
          {
            title: t('partners.keys.revokedAt'),
            dataIndex: 'revokedAt',
            render: (v: string | null) => formatDateTime(v) ?? '—',
          },
          {
            title: t('partners.keys.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => formatDateTime(v) ?? '—',
          },
          {
            title: t('partners.keys.state'),
            dataIndex: 'live',
            render: (live: boolean) =>
              live ? (
                <Tag color="green">{t('partners.keys.live')}</Tag>
              ) : (
                <Tag>{t('partners.keys.ended')}</Tag>
              ),
          },
          {
            title: t('partners.columns.actions'),
            key: 'actions',
            render: (_: unknown, key) =>
              key.live && (
                <Popconfirm
                  title={t('partners.keys.revokeConfirm')}
                  onConfirm={() => revoke.mutate(key.keyId)}
                >
                  <Button danger size="small" aria-label={`${t('partners.keys.revoke')} ${key.keyId}`}>
                    {t('partners.keys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <PartnerSecretsModal
        title={t('partners.keys.rotatedTitle')}
        secrets={
          rotated && [
            { labelKey: 'keyId', value: rotated.keyId },
            { labelKey: 'secret', value: rotated.secret },
          ]
        }
        onClose={() => setRotated(null)}
      />
    </>
  );
}
