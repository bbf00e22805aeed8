import { useMemo, useState } from 'react';
import { App, Button, Card } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type User } from '../../api';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useRoleName } from '../../hooks/useReference';
import { useCan, useCurrentUser } from '../auth/session';
import { useLoginLinkMutation } from '../handlers/useLoginLinkMutation';
import { LinkHandlerModal } from './LinkHandlerModal';
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
  const [linking, setLinking] = useState<User | null>(null);

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

  const unlock = useMutation({
    mutationFn: (user: User) => usersApi.unlock(user.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(t('users.unlocked'));
    },
    onError: (error) => void message.error(error.message),
  });

  const unlinkHandler = useLoginLinkMutation({
    mutationFn: (user: User) => usersApi.unlinkHandler(user.id),
    success: t('users.handlerUnlinked'),
    onError: (error) => void message.error(error.message),
  });

  const { mutateAsync: toggle } = toggleStatus;
  const { mutateAsync: unlink } = unlinkHandler;
  const { mutateAsync: unlockUser } = unlock;
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
        onUnlock: (user) => unlockUser(user).catch(() => undefined),
        onLinkHandler: setLinking,
        onUnlinkHandler: (user) => unlink(user).catch(() => undefined),
      }),
    [t, params.sort, roleName, canManage, me.id, toggle, unlockUser, unlink],
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
        <PagedTable<User>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1390 }}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{ text: t('users.empty'), filteredText: t('users.emptyFiltered'), filtered: hasFilters }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort, page: 1 })}
        />
      </Card>
      <UserFormModal mode={modal} onClose={() => setModal(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <LinkHandlerModal user={linking} onClose={() => setLinking(null)} />
    </>
  );
}
