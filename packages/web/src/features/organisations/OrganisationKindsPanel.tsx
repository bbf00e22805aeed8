import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CodeLabel } from '../../components/CodeLabel';
import { organisationKindsApi, type OrganisationKind } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { kindLabel, referenceKeys, useOrganisationKinds } from '../../hooks/useReference';
import { OrganisationKindFormModal, type KindModalMode } from './OrganisationKindFormModal';

/** The organisation kinds: list, add, rename, re-order, deactivate (permission org.manage). */
export function OrganisationKindsPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kinds = useOrganisationKinds();
  const [modal, setModal] = useState<KindModalMode | null>(null);

  const setActive = useMutation({
    mutationFn: ({ kind, active }: { kind: OrganisationKind; active: boolean }) =>
      organisationKindsApi.update(kind.code, { active }),
    onSuccess: async (kind) => {
      await queryClient.invalidateQueries({ queryKey: referenceKeys.kinds });
      void message.success(kind.active ? t('kinds.activated') : t('kinds.deactivated'));
    },
    onError: (error) => void message.error(error.message),
  });
  const { mutateAsync: toggle } = setActive;

  const columns = useMemo<TableColumnsType<OrganisationKind>>(
    () => [
      {
        title: t('kinds.sortOrder'),
        dataIndex: 'sortOrder',
        key: 'sortOrder',
        width: 80,
        align: 'right',
        render: (v: number | undefined) =>
          v ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
      },
      // The kind's code is for the API and imports: in the name's tooltip, not a column of its own.
      {
        title: t('kinds.nameZh'),
        dataIndex: 'nameZh',
        key: 'nameZh',
        width: 260,
        render: (v: string, kind) => <CodeLabel label={v} code={kind.code} />,
      },
      { title: t('kinds.nameEn'), dataIndex: 'nameEn', key: 'nameEn', width: 280 },
      {
        title: t('kinds.status'),
        dataIndex: 'active',
        key: 'active',
        width: 100,
        render: (active: boolean) =>
          active ? <Tag color="success">{t('kinds.active')}</Tag> : <Tag>{t('kinds.inactive')}</Tag>,
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 150,
        render: (_: unknown, kind) => {
          const name = kindLabel(kind, i18n.language);
          return (
            <Flex gap={0}>
              <Button type="link" size="small" onClick={() => setModal({ type: 'edit', kind })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={
                  kind.active ? t('kinds.confirmDeactivate', { name }) : t('kinds.confirmActivate', { name })
                }
                description={kind.active ? t('kinds.confirmDeactivateDesc') : undefined}
                okText={kind.active ? t('kinds.deactivate') : t('kinds.activate')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: kind.active }}
                onConfirm={() => toggle({ kind, active: !kind.active }).catch(() => undefined)}
              >
                <Button type="link" size="small" danger={kind.active}>
                  {kind.active ? t('kinds.deactivate') : t('kinds.activate')}
                </Button>
              </Popconfirm>
            </Flex>
          );
        },
      },
    ],
    [t, i18n.language, toggle],
  );

  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 420px' }}>
          {t('kinds.intro')}
        </Typography.Text>
        <Flex gap={8}>
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void kinds.refetch()}
            loading={kinds.isFetching}
          >
            {t('common.refresh')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setModal({ type: 'create' })}
          >
            {t('kinds.add')}
          </Button>
        </Flex>
      </Flex>
      {kinds.isError && !kinds.data ? (
        <ErrorState error={kinds.error} onRetry={() => void kinds.refetch()} compact />
      ) : (
        <Table<OrganisationKind>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={kinds.data ?? []}
          loading={kinds.isPending}
          pagination={false}
          scroll={{ x: 960 }}
          rowClassName={(kind) => (kind.active ? '' : 'row--inactive')}
          locale={{ emptyText: kinds.isPending ? <div style={{ height: 120 }} /> : t('kinds.empty') }}
        />
      )}
      <OrganisationKindFormModal mode={modal} onClose={() => setModal(null)} />
    </Card>
  );
}
