import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Table } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type User } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useRoleName } from '../../hooks/useReference';
import { useCan, useCurrentUser } from '../auth/session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFilters } from './UserFilters';
import { UserFormModal, type UserModalMode } from './UserFormModal';
import { userColumns } from './userColumns';
import { useUserListParams } from './useUserListParams';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canManage = useCan()('user.manage');
  const roleName = useRoleName();
  const queryClient = useQueryClient();
  const { params, update, hasFilters } = useUserListParams();
  const [modal, setModal] = useState<UserModalMode | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const list = useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });

  const toggleStatus = useMutation({
    mutationFn: (user: User) =>
      usersApi.update(user.id, { status: user.status === 'active' ? 'disabled' : 'active' }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(user.status === 'active' ? t('users.enabled') : t('users.disabled'));
    },
    onError: (error) => void message.error(error.message),
  });

  const { mutateAsync: toggle } = toggleStatus;
  const columns = useMemo(
    () =>
      userColumns({
        t,
        sort: params.sort,
        roleName,
        canManage,
        currentUserId: me.id,
        onEdit: (user) => setModal({ type: 'edit', user }),
        onToggleStatus: (user) => toggle(user).catch(() => undefined),
        onResetPassword: setResetting,
      }),
    [t, params.sort, roleName, canManage, me.id, toggle],
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setModal({ type: 'create' })}
              >
                {t('users.create')}
              </Button>
            )}
          </>
        }
      />
      <UserFilters
        params={params}
        onChange={(f) =>
          update({ q: f.q, organisationId: f.organisationId, role: f.role, status: f.status, page: 1 })
        }
      />
      <Card variant="borderless">
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1240 }}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty description={hasFilters ? t('users.emptyFiltered') : t('users.empty')} />
              ),
            }}
            pagination={{
              current: list.data?.page ?? params.page,
              pageSize: list.data?.pageSize ?? params.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination, _filters, sorter, extra) => {
              if (extra.action === 'sort') {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const field = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
                update({
                  sort: s?.order && field ? `${s.order === 'descend' ? '-' : ''}${field}` : undefined,
                  page: 1,
                });
                return;
              }
              update({ page: pagination.current, pageSize: pagination.pageSize });
            }}
          />
        )}
      </Card>
      <UserFormModal mode={modal} onClose={() => setModal(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
