import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { organisationsApi } from '../../../api';
import { useCurrentUser } from '../../auth/session';
import { beijingDateTime, beijingTodayValue } from '../../rules/beijingTime';
import { inspectionKeys, inspectionsApi, type SamplingPlan, type SamplingPlanDetail } from './inspectionsApi';

const STRATIFY = ['handler', 'firm', 'case_type'] as const;
type CaseType = SamplingPlanDetail['cases'][number]['caseType'];

/** 抽查计划: the plans of the caller's centres; a row opens the plan, where it is drawn once. */
export function SamplingPlans() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const plans = useQuery({ queryKey: inspectionKeys.plans, queryFn: inspectionsApi.plans });
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('inspections.newPlan')}
        </Button>
      </Flex>
      <Table<SamplingPlan>
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data?.items ?? []}
        locale={{ emptyText: t('inspections.plansEmpty') }}
        onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('inspections.planName'), dataIndex: 'name' },
          { title: t('complaints.centre'), render: (_, p) => p.organisation.name },
          { title: t('inspections.closedPeriod'), render: (_, p) => `${p.closedFrom} ~ ${p.closedTo}` },
          { title: t('inspections.perMille'), dataIndex: 'perMille' },
          {
            title: t('inspections.stratifyBy'),
            dataIndex: 'stratifyBy',
            render: (v: SamplingPlan['stratifyBy']) => t(`inspections.stratifyKinds.${v}`),
          },
          {
            title: t('inspections.drawnCount'),
            render: (_, p) =>
              p.drawn ? `${p.drawnCount} / ${p.population ?? 0}` : <Tag>{t('inspections.notDrawn')}</Tag>,
          },
        ]}
      />
      <NewPlanModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) setSelected(id);
        }}
      />
      <PlanDrawer id={selected} onClose={() => setSelected(null)} />
    </>
  );
}

interface PlanForm {
  organisationId: string;
  name: string;
  period: [Dayjs, Dayjs];
  perMille: number;
  minimumPerStratum: number;
  maximumTotal?: number | null;
  stratifyBy: (typeof STRATIFY)[number];
}

const CENTRE_KINDS: ReadonlySet<string> = new Set(['city_centre', 'district_centre']);

function NewPlanModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // The centres in the caller's scope (a district: its own; the bureau: every one).
  const centres = useQuery({
    queryKey: ['organisations', 'tree'],
    queryFn: ({ signal }) => organisationsApi.tree(signal),
    enabled: open,
  });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanForm>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: (v: PlanForm) =>
      inspectionsApi.createPlan(
        {
          organisationId: v.organisationId,
          name: v.name,
          closedFrom: v.period[0].format('YYYY-MM-DD'),
          closedTo: v.period[1].format('YYYY-MM-DD'),
          perMille: v.perMille,
          minimumPerStratum: v.minimumPerStratum,
          ...(v.maximumTotal != null ? { maximumTotal: v.maximumTotal } : {}),
          stratifyBy: v.stratifyBy,
        },
        key,
      ),
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.plans });
      void message.success(t('inspections.created'));
      form.resetFields();
      setKey(crypto.randomUUID());
      onClose(id);
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  const required = (label: string) => [{ required: true, message: label }];
  return (
    <Modal
      open={open}
      title={t('inspections.newPlan')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<PlanForm>
        form={form}
        layout="vertical"
        initialValues={{
          period: [beijingTodayValue().startOf('month'), beijingTodayValue()],
          perMille: 50,
          minimumPerStratum: 1,
          stratifyBy: 'handler',
          ...(CENTRE_KINDS.has(me.organisation.kind) ? { organisationId: me.organisation.id } : {}),
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="organisationId"
          label={t('inspections.centre')}
          rules={required(t('inspections.centre'))}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(centres.data ?? [])
              .filter((o) => CENTRE_KINDS.has(o.kind))
              .map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('inspections.planName')} rules={required(t('inspections.planName'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('inspections.closedPeriod')}
          rules={required(t('inspections.closedPeriod'))}
        >
          <DatePicker.RangePicker inputReadOnly />
        </Form.Item>
        <Form.Item
          name="perMille"
          label={t('inspections.perMille')}
          extra={t('inspections.perMilleHelp')}
          rules={required(t('inspections.perMille'))}
        >
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item
          name="minimumPerStratum"
          label={t('inspections.minimumPerStratum')}
          rules={required(t('inspections.minimumPerStratum'))}
        >
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="maximumTotal" label={t('inspections.maximumTotal')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="stratifyBy" label={t('inspections.stratifyBy')}>
          <Select options={STRATIFY.map((s) => ({ value: s, label: t(`inspections.stratifyKinds.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One plan: before the draw, the seed field and the draw button; after, the seed, strata and list. */
function PlanDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [seed, setSeed] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const plan = useQuery({
    queryKey: inspectionKeys.plan(id ?? ''),
    queryFn: () => inspectionsApi.plan(id ?? ''),
    enabled: id !== null,
  });
  const draw = useMutation({
    mutationFn: () => inspectionsApi.draw(id ?? '', seed.trim() || undefined, key),
    onSuccess: (next) => {
      queryClient.setQueryData(inspectionKeys.plan(next.id), next);
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.plans });
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.queueAll });
      setKey(crypto.randomUUID());
      void message.success(t('inspections.drawn', { count: next.cases.length }));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  const p: SamplingPlanDetail | undefined = plan.data;
  const stratumName = (s: SamplingPlanDetail['strata'][number], row: SamplingPlanDetail) => {
    if (row.stratifyBy === 'case_type' && s.key) return t(`applications.caseTypes.${s.key as CaseType}`);
    return s.name ?? t('inspections.noFirm');
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={p?.name ?? t('inspections.tabPlans')}
      destroyOnHidden
    >
      {p && (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item
              label={t('inspections.closedPeriod')}
            >{`${p.closedFrom} ~ ${p.closedTo}`}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.stratifyBy')}>
              {t(`inspections.stratifyKinds.${p.stratifyBy}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.perMille')}>
              {p.perMille} · {t('inspections.minimumPerStratum')} {p.minimumPerStratum}
              {p.maximumTotal !== null && ` · ${t('inspections.maximumTotal')} ${p.maximumTotal}`}
            </Descriptions.Item>
            {p.drawn && (
              <>
                <Descriptions.Item label={t('inspections.seed')}>
                  <Typography.Text className="mono" copyable>
                    {p.seed}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.drawnAt')}>
                  {p.drawnAt && `${beijingDateTime(p.drawnAt).date} ${beijingDateTime(p.drawnAt).time}`}
                </Descriptions.Item>
                <Descriptions.Item label={t('inspections.population')}>{p.population}</Descriptions.Item>
              </>
            )}
          </Descriptions>
          {!p.drawn && (
            <Flex gap={8} align="end" wrap>
              <Flex vertical style={{ minWidth: 280 }}>
                <Typography.Text>{t('inspections.seed')}</Typography.Text>
                <Input value={seed} maxLength={64} onChange={(e) => setSeed(e.target.value)} />
                <Typography.Text type="secondary">{t('inspections.seedHelp')}</Typography.Text>
              </Flex>
              <Popconfirm title={t('inspections.drawConfirm')} onConfirm={() => draw.mutate()}>
                <Button type="primary" loading={draw.isPending}>
                  {t('inspections.draw')}
                </Button>
              </Popconfirm>
            </Flex>
          )}
          {p.drawn && (
            <>
              <Typography.Text strong>{t('inspections.strata')}</Typography.Text>
              <Table
                size="small"
                pagination={false}
                rowKey={(s) => s.key ?? ''}
                dataSource={p.strata}
                columns={[
                  { title: t('inspections.strata'), render: (_, s) => stratumName(s, p) },
                  { title: t('inspections.stratumPopulation'), dataIndex: 'population' },
                  { title: t('inspections.stratumDue'), dataIndex: 'due' },
                  { title: t('inspections.stratumDrawn'), dataIndex: 'drawn' },
                ]}
              />
              <Typography.Text strong>{t('inspections.drawnList')}</Typography.Text>
              <Table
                size="small"
                pagination={false}
                rowKey="position"
                dataSource={p.cases}
                columns={[
                  { title: t('inspections.position'), dataIndex: 'position', width: 64 },
                  {
                    title: t('inspections.number'),
                    dataIndex: 'applicationNumber',
                    render: (v: string) => <span className="mono">{v}</span>,
                  },
                  {
                    title: t('inspections.caseType'),
                    dataIndex: 'caseType',
                    render: (v: CaseType) => t(`applications.caseTypes.${v}`),
                  },
                  { title: t('inspections.handler'), dataIndex: 'handlerName' },
                  {
                    title: t('inspections.status'),
                    render: (_, c) =>
                      t(
                        `inspections.statuses.${c.inspectionStatus === 'completed' ? 'completed' : c.inspectionStatus === 'open' ? 'in_progress' : 'awaiting'}`,
                      ),
                  },
                ]}
              />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
