import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STANDARD_TEAM_CODES } from '@fayuan/domain';
import { teamsApi, type Team, type TeamInput, type TeamMember } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { useCan } from '../auth/session';
import { STATUS_COLOURS } from './labels';
import { useTeams } from './useHandlerReference';

type TeamModal = { type: 'create' } | { type: 'edit'; team: Team };

/** 专业团队: the teams in scope, their entry rules and members. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const canManage = useCan()('handler.manage');
  const teams = useTeams();
  const [modal, setModal] = useState<TeamModal | null>(null);
  return (
    <>
      <PageHeader
        title={t('teams.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setModal({ type: 'create' })}
            >
              {t('teams.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {teams.isError ? (
          <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
        ) : (
          <Table<Team>
            rowKey="id"
            loading={teams.isPending}
            dataSource={teams.data ?? []}
            pagination={false}
            locale={{ emptyText: t('teams.empty') }}
            expandable={{ expandedRowRender: (team) => <Members team={team} canManage={canManage} /> }}
            columns={[
              { title: t('teams.name'), dataIndex: 'name', key: 'name' },
              {
                title: t('teams.code'),
                dataIndex: 'code',
                key: 'code',
                render: (code: string) => <span className="mono">{code}</span>,
              },
              {
                title: t('teams.membershipRule'),
                dataIndex: 'membershipRule',
                key: 'membershipRule',
                render: (rule: string | null) => rule ?? t('common.none'),
              },
              { title: t('teams.memberCount'), dataIndex: 'memberCount', key: 'memberCount', width: 90 },
              { title: t('teams.organisation'), dataIndex: 'organisationName', key: 'organisationName' },
              {
                title: t('teams.status'),
                dataIndex: 'active',
                key: 'active',
                width: 90,
                render: (active: boolean) =>
                  active ? <Tag color="green">{t('teams.active')}</Tag> : <Tag>{t('teams.inactive')}</Tag>,
              },
              ...(canManage
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 90,
                      render: (_: unknown, team: Team) => (
                        <Button type="link" size="small" onClick={() => setModal({ type: 'edit', team })}>
                          {t('common.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <TeamFormModal mode={modal} onClose={() => setModal(null)} />
    </>
  );
}

function Members({ team, canManage }: { team: Team; canManage: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: ['teams', 'members', team.id, all],
    queryFn: ({ signal }) => teamsApi.members(team.id, all, signal),
  });
  const end = useMutation({
    mutationFn: (handlerId: string) => teamsApi.endMembership(team.id, handlerId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      await queryClient.invalidateQueries({ queryKey: ['handlers'] });
    },
  });
  return (
    <Flex vertical gap={8}>
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
        {t('teams.showFormer')}
      </Checkbox>
      {end.isError && (
        <Typography.Text type="danger">{errorMessage(end.error, t('errors.network'))}</Typography.Text>
      )}
      <Table<TeamMember>
        size="small"
        rowKey={(m) => `${m.handlerId}|${m.since}`}
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        locale={{ emptyText: t('teams.noMembers') }}
        columns={[
          { title: t('teams.member'), dataIndex: 'name', key: 'name' },
          {
            title: t('handlers.kind'),
            dataIndex: 'kind',
            key: 'kind',
            render: (kind: TeamMember['kind']) => t(`handlers.kinds.${kind}`),
          },
          {
            title: t('handlers.status'),
            dataIndex: 'status',
            key: 'status',
            render: (status: TeamMember['status']) => (
              <Tag color={STATUS_COLOURS[status]}>{t(`handlers.statuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('handlers.yearsOfCriminalPractice'),
            dataIndex: 'yearsOfCriminalPractice',
            key: 'criminal',
            render: (count: number) => t('handlers.years', { count }),
          },
          { title: t('teams.since'), dataIndex: 'since', key: 'since' },
          {
            title: t('teams.until'),
            dataIndex: 'until',
            key: 'until',
            render: (until: string | null) => until ?? t('handlers.current'),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, m: TeamMember) =>
                    m.until === null && (
                      <Popconfirm title={t('teams.endConfirm')} onConfirm={() => end.mutate(m.handlerId)}>
                        <Button type="link" size="small" danger>
                          {t('teams.endMembership')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

interface TeamValues {
  code: string;
  name: string;
  membershipRule?: string;
  minYearsOfPractice?: number | null;
  minYearsOfCriminalPractice?: number | null;
  active?: boolean;
}

function TeamFormModal({ mode, onClose }: { mode: TeamModal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamValues>();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.team : null;
  const save = useMutation({
    mutationFn: (values: TeamValues) => {
      const input: TeamInput = {
        code: values.code,
        name: values.name.trim(),
        membershipRule: values.membershipRule?.trim() || null,
        minYearsOfPractice: values.minYearsOfPractice ?? null,
        minYearsOfCriminalPractice: values.minYearsOfCriminalPractice ?? null,
      };
      if (!editing) return teamsApi.create(input, keyFor(input));
      const { code: _code, ...rest } = input;
      return teamsApi.update(editing.id, { ...rest, active: values.active ?? true });
    },
    onSuccess: async (team) => {
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      void message.success(editing ? t('teams.updated') : t('teams.created', { name: team.name }));
      close();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const presetStandard = (code: (typeof STANDARD_TEAM_CODES)[number]) =>
    form.setFieldsValue({
      code,
      name: t(`teams.standardNames.${code}`),
      ...(code === 'death_penalty' ? { minYearsOfCriminalPractice: 3 } : {}),
    });
  return (
    <FormModal<TeamValues>
      open={mode !== null}
      title={editing ? t('teams.editTitle', { name: editing.name }) : t('teams.createTitle')}
      name={editing ? 'teamEdit' : 'teamCreate'}
      form={form}
      firstField={editing ? 'name' : 'code'}
      initialValues={
        editing
          ? {
              code: editing.code,
              name: editing.name,
              membershipRule: editing.membershipRule ?? undefined,
              minYearsOfPractice: editing.minYearsOfPractice,
              minYearsOfCriminalPractice: editing.minYearsOfCriminalPractice,
              active: editing.active,
            }
          : {}
      }
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={{ TEAM_CODE_TAKEN: 'code' }}
    >
      {!editing && (
        <Form.Item label={t('teams.standard')}>
          <Select
            aria-label={t('teams.standard')}
            placeholder={t('teams.standard')}
            options={STANDARD_TEAM_CODES.map((c) => ({ value: c, label: t(`teams.standardNames.${c}`) }))}
            onChange={presetStandard}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('teams.code')}
            extra={t('teams.codeHint')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}
          >
            <Input maxLength={40} disabled={Boolean(editing)} className="mono" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="membershipRule" label={t('teams.membershipRule')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="minYearsOfPractice" label={t('teams.minYearsOfPractice')}>
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="minYearsOfCriminalPractice" label={t('teams.minYearsOfCriminalPractice')}>
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {editing && (
          <Col span={24}>
            <Form.Item name="active" valuePropName="checked">
              <Checkbox>{t('teams.active')}</Checkbox>
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
