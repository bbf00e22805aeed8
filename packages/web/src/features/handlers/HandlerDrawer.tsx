import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HandlerTrack } from './HandlerTrack';
import { HandlerLogin } from './HandlerLogin';
import { handlerStatusActions } from '@fayuan/domain';
import {
  handlersApi,
  isApiError,
  teamsApi,
  type Handler,
  type HandlerConflict,
  type HandlerDetail,
  type HandlerStatusAction,
  type HandlerStatusEvent,
  type HandlerTraining,
} from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { formatDateTime, DATE_TIME_SHORT } from '../../utils';
import { useCan } from '../auth/session';
import { ConflictModal, StatusModal, TrainingModal } from './HandlerRecordModals';
import { languageLabel, STATUS_COLOURS } from './labels';
import { useDistrictOptions, useSpecialties, useTeams } from './useHandlerReference';

interface Props {
  handlerId: string | null;
  onClose: () => void;
  onEdit: (handler: Handler) => void;
}

/** One handler: details, admission and exit history, teams, training and conflicts; status actions. */
export function HandlerDrawer({ handlerId, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  const handler = useQuery({
    queryKey: ['handlers', 'detail', handlerId],
    queryFn: ({ signal }) => handlersApi.get(handlerId ?? '', signal),
    enabled: handlerId !== null,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  return (
    <Drawer
      open={handlerId !== null}
      onClose={onClose}
      size={720}
      title={handler.data ? `${t('handlers.detailTitle')} · ${handler.data.name}` : t('handlers.detailTitle')}
      destroyOnHidden
    >
      {handler.isPending ? (
        <Skeleton active />
      ) : handler.isError ? (
        <ErrorState
          compact
          error={handler.error}
          title={
            isApiError(handler.error) && handler.error.status === 404 ? t('handlers.notFound') : undefined
          }
          onRetry={() => void handler.refetch()}
        />
      ) : (
        <HandlerDetails key={handler.data.id} handler={handler.data} onEdit={onEdit} />
      )}
    </Drawer>
  );
}

function HandlerDetails({ handler, onEdit }: { handler: HandlerDetail; onEdit: (h: Handler) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const manage = can('handler.manage');
  const [action, setAction] = useState<HandlerStatusAction | null>(null);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const specialties = useSpecialties();
  const districts = useDistrictOptions();
  const districtName = (id: string) => districts.find((d) => d.value === id)?.label ?? id;
  const tags = (items: string[], label: (code: string) => string) =>
    items.length === 0 ? (
      none
    ) : (
      <Flex wrap gap={4}>
        {items.map((code) => (
          <Tag key={code} style={{ marginInlineEnd: 0 }}>
            {label(code)}
          </Tag>
        ))}
      </Flex>
    );
  const years = (start: string | null, count: number) =>
    start ? `${t('handlers.years', { count })}（${start}）` : none;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap justify="space-between" align="center">
        <Flex gap={8} align="center">
          <Tag color={STATUS_COLOURS[handler.status]}>{t(`handlers.statuses.${handler.status}`)}</Tag>
          <Typography.Text type="secondary">
            {handler.statusSince}
            {handler.statusReason ? ` · ${handler.statusReason}` : ''}
          </Typography.Text>
        </Flex>
        {manage && (
          <Flex gap={8} wrap>
            {handlerStatusActions(handler.status).map((a) => (
              <Button key={a} danger={a === 'exit' || a === 'suspend'} onClick={() => setAction(a)}>
                {t(`handlers.actions.${a}`)}
              </Button>
            ))}
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(handler)}>
              {t('common.edit')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Tabs
        items={[
          {
            key: 'basic',
            label: t('handlers.tabs.basic'),
            children: (
              <Descriptions
                bordered
                size="small"
                column={1}
                styles={{ label: { width: 150 } }}
                items={[
                  {
                    key: 'name',
                    label: t('handlers.name'),
                    children: (
                      <Flex gap={8} align="baseline" wrap>
                        <span>{handler.name}</span>
                        <Typography.Text type="secondary">{handler.namePinyin}</Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    key: 'kind',
                    label: t('handlers.kind'),
                    children: handler.volunteerSubkind
                      ? `${t(`handlers.kinds.${handler.kind}`)}（${t(`handlers.subkinds.${handler.volunteerSubkind}`)}）`
                      : t(`handlers.kinds.${handler.kind}`),
                  },
                  { key: 'firm', label: t('handlers.firm'), children: handler.firm?.name ?? none },
                  {
                    key: 'licence',
                    label: t('handlers.licenceNumber'),
                    children: handler.licenceNumber ? (
                      <span className="mono">{handler.licenceNumber}</span>
                    ) : (
                      none
                    ),
                  },
                  {
                    key: 'years',
                    label: t('handlers.yearsOfPractice'),
                    children: years(handler.practiceStartDate, handler.yearsOfPractice),
                  },
                  {
                    key: 'criminalYears',
                    label: t('handlers.yearsOfCriminalPractice'),
                    children: years(handler.criminalPracticeStartDate, handler.yearsOfCriminalPractice),
                  },
                  {
                    key: 'specialties',
                    label: t('handlers.specialties'),
                    children: tags(handler.specialties, specialties.name),
                  },
                  {
                    key: 'languages',
                    label: t('handlers.languages'),
                    children: tags(handler.languages, (code) => languageLabel(t, code)),
                  },
                  {
                    key: 'districts',
                    label: t('handlers.districtsServed'),
                    children: tags(handler.districtsServed, districtName),
                  },
                  {
                    key: 'minors',
                    label: t('handlers.familiarWithMinors'),
                    children: handler.familiarWithMinors ? t('common.yes') : t('common.no'),
                  },
                  {
                    key: 'load',
                    label: t('handlers.load'),
                    children: `${handler.openCases} / ${handler.capacity}`,
                  },
                  {
                    key: 'phone',
                    label: t('handlers.phone'),
                    children: handler.phoneMasked ? (
                      <span className="mono">{handler.phoneMasked}</span>
                    ) : (
                      none
                    ),
                  },
                  { key: 'org', label: t('handlers.organisation'), children: handler.organisationName },
                  {
                    key: 'login',
                    label: t('handlers.login.label'),
                    children: <HandlerLogin handler={handler} manage={manage} />,
                  },
                  {
                    key: 'createdAt',
                    label: t('handlers.createdAt'),
                    children: formatDateTime(handler.createdAt),
                  },
                ]}
              />
            ),
          },
          {
            key: 'history',
            label: t('handlers.tabs.history'),
            children: (
              <Table<HandlerStatusEvent>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={handler.statusHistory}
                aria-label={t('handlers.tabs.history')}
                columns={[
                  {
                    title: t('handlers.history.to'),
                    key: 'to',
                    render: (_: unknown, e) => (
                      <Flex gap={4} align="center" wrap>
                        {e.fromStatus && (
                          <>
                            <Tag style={{ marginInlineEnd: 0 }}>{t(`handlers.statuses.${e.fromStatus}`)}</Tag>
                            →
                          </>
                        )}
                        <Tag color={STATUS_COLOURS[e.toStatus]} style={{ marginInlineEnd: 0 }}>
                          {t(`handlers.statuses.${e.toStatus}`)}
                        </Tag>
                      </Flex>
                    ),
                  },
                  {
                    title: t('handlers.history.reason'),
                    dataIndex: 'reason',
                    key: 'reason',
                    render: (reason: string, e) => (
                      <Flex vertical gap={2}>
                        <span>
                          {reason || (e.fromStatus === null ? t('handlers.history.applied') : none)}
                        </span>
                        {e.qualityConcerns.length > 0 && (
                          <Typography.Text type="secondary">
                            {t('handlers.history.concerns', {
                              names: e.qualityConcerns
                                .map((c) => (i18n.language === 'en-US' ? c.nameEn : c.nameZh))
                                .join('、'),
                            })}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
                  { title: t('handlers.history.effectiveOn'), dataIndex: 'effectiveOn', key: 'effectiveOn' },
                  {
                    title: t('handlers.history.by'),
                    key: 'by',
                    render: (_: unknown, e) => e.by?.displayName ?? none,
                  },
                  {
                    title: t('handlers.history.at'),
                    dataIndex: 'at',
                    key: 'at',
                    render: (at: string) => formatDateTime(at, DATE_TIME_SHORT),
                  },
                ]}
              />
            ),
          },
          {
            key: 'track',
            label: t('handlers.tabs.track'),
            children: <HandlerTrack handler={handler} />,
          },
          {
            key: 'teams',
            label: t('handlers.tabs.teams'),
            children: <TeamsTab handler={handler} manage={manage} />,
          },
          {
            key: 'training',
            label: t('handlers.tabs.training'),
            children: <TrainingTab handler={handler} manage={manage} />,
          },
          {
            key: 'conflicts',
            label: t('handlers.tabs.conflicts'),
            children: <ConflictsTab handler={handler} manage={manage} />,
          },
        ]}
      />
      <StatusModal handler={handler} action={action} onClose={() => setAction(null)} />
    </Flex>
  );
}

function TeamsTab({ handler, manage }: { handler: HandlerDetail; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const teams = useTeams(manage);
  const [teamId, setTeamId] = useState<string | undefined>();
  const current = new Set(handler.teams.map((team) => team.id));
  const join = useMutation({
    mutationFn: (id: string) => teamsApi.addMember(id, handler.id),
    onSuccess: async () => {
      setTeamId(undefined);
      await queryClient.invalidateQueries({ queryKey: ['handlers'] });
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      void message.success(t('teams.memberAdded'));
    },
  });
  return (
    <Flex vertical gap={12}>
      {manage && handler.status !== 'exited' && (
        <Flex gap={8}>
          <Select
            style={{ minWidth: 260 }}
            aria-label={t('teams.addMember')}
            placeholder={t('teams.addMember')}
            value={teamId}
            onChange={setTeamId}
            options={(teams.data ?? [])
              .filter((team) => team.active && !current.has(team.id))
              .map((team) => ({ value: team.id, label: team.name }))}
          />
          <Button
            icon={<PlusOutlined aria-hidden />}
            disabled={!teamId}
            loading={join.isPending}
            onClick={() => teamId && join.mutate(teamId)}
          >
            {t('teams.addMember')}
          </Button>
        </Flex>
      )}
      {join.isError && <Alert type="error" showIcon title={errorMessage(join.error, t('errors.network'))} />}
      <Table
        size="small"
        rowKey={(m) => `${m.id}|${m.since}`}
        pagination={false}
        dataSource={handler.memberships}
        locale={{ emptyText: t('handlers.noTeams') }}
        columns={[
          { title: t('teams.name'), dataIndex: 'name', key: 'name' },
          { title: t('handlers.memberSince'), dataIndex: 'since', key: 'since' },
          {
            title: t('handlers.memberUntil'),
            dataIndex: 'until',
            key: 'until',
            render: (until: string | null) => until ?? t('handlers.current'),
          },
        ]}
      />
    </Flex>
  );
}

function TrainingTab({ handler, manage }: { handler: HandlerDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>
          {t('handlers.training.total', { hours: handler.trainingHours })}
        </Typography.Text>
        {manage && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t('handlers.training.add')}
          </Button>
        )}
      </Flex>
      <Table<HandlerTraining>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={handler.training}
        locale={{ emptyText: t('handlers.training.none') }}
        columns={[
          { title: t('handlers.training.title'), dataIndex: 'title', key: 'title' },
          { title: t('handlers.training.hours'), dataIndex: 'hours', key: 'hours', width: 80 },
          { title: t('handlers.training.heldOn'), dataIndex: 'heldOn', key: 'heldOn', width: 120 },
          {
            title: t('handlers.training.provider'),
            dataIndex: 'provider',
            key: 'provider',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
      <TrainingModal handlerId={handler.id} open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}

function ConflictsTab({ handler, manage }: { handler: HandlerDetail; manage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: (conflictId: string) => handlersApi.removeConflict(handler.id, conflictId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['handlers', 'detail', handler.id] }),
  });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('handlers.conflicts.explain')}</Typography.Text>
        {manage && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t('handlers.conflicts.add')}
          </Button>
        )}
      </Flex>
      {remove.isError && (
        <Alert type="error" showIcon title={errorMessage(remove.error, t('errors.network'))} />
      )}
      <Table<HandlerConflict>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={handler.conflicts}
        locale={{ emptyText: t('handlers.conflicts.none') }}
        columns={[
          {
            title: t('handlers.conflicts.kind'),
            dataIndex: 'kind',
            key: 'kind',
            render: (kind: HandlerConflict['kind']) => t(`handlers.conflicts.kinds.${kind}`),
          },
          { title: t('handlers.conflicts.partyName'), dataIndex: 'partyName', key: 'partyName' },
          {
            title: t('handlers.conflicts.note'),
            dataIndex: 'note',
            key: 'note',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('handlers.conflicts.recordedAt'),
            dataIndex: 'recordedAt',
            key: 'recordedAt',
            render: (v: string) => formatDateTime(v, DATE_TIME_SHORT),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, c: HandlerConflict) => (
                    <Popconfirm
                      title={t('handlers.conflicts.removeConfirm')}
                      onConfirm={() => remove.mutate(c.id)}
                    >
                      <Button type="link" size="small" danger>
                        {t('handlers.conflicts.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ConflictModal handlerId={handler.id} open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
