import { Button, Flex, Popconfirm, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { User } from '../../api';
import { formatDateTime, DATE_TIME_SHORT } from '../../utils';

interface Options {
  t: TFunction;
  sort: string | undefined;
  roleName: (code: string) => string;
  canManage: boolean;
  currentUserId: string;
  onEdit: (user: User) => void;
  onToggleStatus: (user: User) => Promise<unknown>;
  onResetPassword: (user: User) => void;
  onUnlock: (user: User) => Promise<unknown>;
  onLinkHandler: (user: User) => void;
  onUnlinkHandler: (user: User) => Promise<unknown>;
}

/** Locked by failed logins and the lock still runs (the login itself does not say so). */
export function isLocked(user: User): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
}

function sortOrder(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function userColumns(o: Options): TableColumnsType<User> {
  const { t } = o;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'username'),
      render: (value: string) => <span className="mono">{value}</span>,
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'displayName'),
    },
    {
      title: t('users.organisation'),
      dataIndex: 'organisationName',
      key: 'organisationName',
      width: 170,
      ellipsis: true,
    },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      width: 180,
      render: (roles: string[]) =>
        roles.length === 0 ? (
          none
        ) : (
          <Flex wrap gap={4}>
            {roles.map((code) => (
              <Tag key={code} color="blue" style={{ marginInlineEnd: 0 }}>
                {o.roleName(code)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('users.handler'),
      key: 'handler',
      width: 150,
      render: (_: unknown, user) => {
        if (user.handler)
          return (
            <Flex gap={4} align="center" wrap>
              <span>{user.handler.name}</span>
              {o.canManage && (
                <Popconfirm
                  title={t('users.confirmUnlinkHandler', { name: user.handler.name })}
                  okText={t('users.unlinkHandler')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => o.onUnlinkHandler(user)}
                >
                  <Button type="link" size="small">
                    {t('users.unlinkHandler')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          );
        if (o.canManage && user.roles.includes('handler'))
          return (
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              onClick={() => o.onLinkHandler(user)}
            >
              {t('users.linkHandler')}
            </Button>
          );
        return none;
      },
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (_: unknown, user) => {
        const locked = isLocked(user);
        return (
          <Flex wrap gap={4}>
            {user.status === 'active' ? (
              <Tag color="success">{t('users.statusActive')}</Tag>
            ) : (
              <Tag color="default">{t('users.statusDisabled')}</Tag>
            )}
            {locked && (
              <Tooltip
                title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil, DATE_TIME_SHORT) })}
              >
                <Tag color="warning">{t('users.statusLocked')}</Tag>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
    {
      title: t('users.phone'),
      dataIndex: 'phoneMasked',
      key: 'phone',
      width: 120,
      render: (v: string | null) => v || none,
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'lastLoginAt'),
      render: (v: string | null) =>
        formatDateTime(v, DATE_TIME_SHORT) ?? (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'createdAt'),
      render: (v: string) => formatDateTime(v, DATE_TIME_SHORT),
    },
  ];

  if (o.canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 250,
      render: (_: unknown, user) => {
        const self = user.id === o.currentUserId;
        const disabling = user.status === 'active';
        return (
          <Flex gap={0} wrap>
            <Button type="link" size="small" onClick={() => o.onEdit(user)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={
                disabling
                  ? t('users.confirmDisable', { name: user.displayName })
                  : t('users.confirmEnable', { name: user.displayName })
              }
              description={disabling ? t('users.confirmDisableDesc') : undefined}
              okText={disabling ? t('users.disable') : t('users.enable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: disabling }}
              onConfirm={() => o.onToggleStatus(user)}
              disabled={self}
            >
              <Button type="link" size="small" danger={disabling} disabled={self}>
                {disabling ? t('users.disable') : t('users.enable')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" onClick={() => o.onResetPassword(user)}>
              {t('users.resetPassword')}
            </Button>
            {isLocked(user) && (
              <Popconfirm
                title={t('users.confirmUnlock', { name: user.displayName })}
                description={t('users.confirmUnlockDesc')}
                okText={t('users.unlock')}
                cancelText={t('common.cancel')}
                onConfirm={() => o.onUnlock(user)}
              >
                <Button type="link" size="small">
                  {t('users.unlock')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        );
      },
    });
  }
  return columns;
}
