import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationsApi, type Organisation } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useKindName } from '../../hooks/useReference';
import { formatDateTime } from '../../utils';
import { useCurrentUser } from '../auth/session';
import { ancestry, type OrgForest } from './tree';

interface Props {
  id: string;
  forest: OrgForest;
  canManage: boolean;
  onCreateChild: (parent: Organisation) => void;
  onEdit: (organisation: Organisation) => void;
  onMove: (organisation: Organisation) => void;
}

export function OrganisationDetail({ id, forest, canManage, onCreateChild, onEdit, onMove }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kindName = useKindName();
  const query = useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: ({ signal }) => organisationsApi.get(id, signal),
  });

  const setActive = useMutation({
    mutationFn: (active: boolean) => organisationsApi.update(id, { active }),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void message.success(org.active ? t('org.activated') : t('org.deactivated'));
    },
    onError: (error) => void message.error(error.message),
  });

  if (query.isPending) {
    return (
      <Card variant="borderless" title={t('org.detailTitle')}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card variant="borderless" title={t('org.detailTitle')}>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />
      </Card>
    );
  }

  const org = query.data;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const parent = org.parentId ? forest.byId.get(org.parentId)?.entry : undefined;
  const chain = ancestry(forest, org.id);
  const childCount = forest.byId.get(org.id)?.children.length ?? 0;
  // The server moves neither a root nor the administrator's own organisation.
  const moveBlocked =
    org.parentId === null
      ? t('org.moveRootDisabled')
      : org.id === me.organisation.id
        ? t('org.moveOwnDisabled')
        : null;

  const actions = canManage && (
    <Flex gap={8} wrap>
      <Button
        type="primary"
        icon={<PlusOutlined aria-hidden />}
        disabled={!org.active}
        onClick={() => onCreateChild(org)}
      >
        {t('org.createChild')}
      </Button>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => onEdit(org)}>
        {t('org.edit')}
      </Button>
      <Tooltip title={moveBlocked}>
        <Button
          icon={<DragOutlined aria-hidden />}
          disabled={moveBlocked !== null}
          onClick={() => onMove(org)}
        >
          {t('org.move')}
        </Button>
      </Tooltip>
      {org.active ? (
        <Popconfirm
          title={t('org.confirmDeactivate', { name: org.name })}
          description={t('org.confirmDeactivateDesc')}
          okText={t('org.deactivate')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => setActive.mutateAsync(false)}
        >
          <Button danger icon={<StopOutlined aria-hidden />} loading={setActive.isPending}>
            {t('org.deactivate')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('org.confirmActivate', { name: org.name })}
          okText={t('org.activate')}
          cancelText={t('common.cancel')}
          onConfirm={() => setActive.mutateAsync(true)}
        >
          <Button icon={<CheckCircleOutlined aria-hidden />} loading={setActive.isPending}>
            {t('org.activate')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );

  return (
    <Card variant="borderless" title={t('org.detailTitle')} extra={actions}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'name', label: t('org.name'), children: org.name },
          { key: 'code', label: t('org.code'), children: <span className="mono">{org.code}</span> },
          { key: 'kind', label: t('org.kind'), children: kindName(org.kind) },
          { key: 'parent', label: t('org.parent'), children: parent?.name ?? none },
          { key: 'region', label: t('org.regionCode'), children: org.regionCode || none },
          { key: 'phone', label: t('org.phone'), children: org.phone || none },
          { key: 'officeHours', label: t('org.officeHours'), children: org.officeHours || none },
          { key: 'address', label: t('org.address'), children: org.address || none, span: 'filled' },
          {
            key: 'path',
            label: t('org.path'),
            span: 'filled',
            children: chain.length > 0 ? chain.map((e) => e.name).join(' / ') : org.path,
          },
          { key: 'depth', label: t('org.depth'), children: org.depth },
          { key: 'children', label: t('org.childCount'), children: childCount },
          {
            key: 'status',
            label: t('org.status'),
            children: org.active ? (
              <Tag color="success">{t('org.active')}</Tag>
            ) : (
              <Tag>{t('org.inactive')}</Tag>
            ),
          },
          { key: 'created', label: t('org.createdAt'), children: formatDateTime(org.createdAt) ?? none },
        ]}
      />
    </Card>
  );
}
