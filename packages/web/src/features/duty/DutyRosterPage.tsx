import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { dutyApi, isApiError, type DutySlot, type PreviewSlot, type SwapRequest } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { beijingDateTime } from '../rules/beijingTime';
import { clock, dutyKeys, mondayOf, reasonText, thisMonday } from './dutyWords';
import { DutyRequestsCard } from './DutyRequestsCard';

interface SwapForm {
  handlerId: string;
  note: string;
}

/** 值班排班 (director): a station's week — the rules' proposal with reasons, confirmation, swaps, check-ins. */
export default function DutyRosterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const stations = useQuery({
    queryKey: dutyKeys.stations,
    queryFn: ({ signal }) => dutyApi.stations(signal),
  });
  const stationId = params.get('station') ?? stations.data?.[0]?.id ?? '';
  const week = params.get('week') ?? thisMonday();
  const choose = (next: { station?: string; week?: string }) =>
    setParams({ station: next.station ?? stationId, week: next.week ?? week });

  const roster = useQuery({
    queryKey: dutyKeys.roster(stationId, week),
    enabled: stationId !== '',
    retry: false,
    queryFn: async ({ signal }) => {
      try {
        return await dutyApi.roster(stationId, week, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
  const [wantPreview, setWantPreview] = useState(false);
  const station = stations.data?.find((s) => s.id === stationId);
  const hasHours = (station?.hours.length ?? 0) > 0;
  const preview = useQuery({
    queryKey: dutyKeys.preview(stationId, week),
    // Proposed on request, or to know the pool a confirmed roster's swaps choose from.
    enabled: stationId !== '' && hasHours && (wantPreview || Boolean(roster.data)),
    retry: false,
    queryFn: () => dutyApi.preview(stationId, week),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['duty'] });
  const confirm = useMutation({
    mutationFn: () => dutyApi.confirm(stationId, week),
    onSuccess: async () => {
      void message.success(t('duty.roster.confirmed'));
      await refresh();
    },
  });

  const [swapping, setSwapping] = useState<DutySlot | null>(null);
  const [form] = Form.useForm<SwapForm>();
  const swap = useMutation({
    mutationFn: (v: SwapForm) => dutyApi.swap(swapping!.id, v.handlerId, v.note),
    onSuccess: async () => {
      void message.success(t('duty.roster.swapped'));
      setSwapping(null);
      await refresh();
    },
  });
  // The centre's pool as the proposal saw it: the picks and those a rule kept off.
  const pool = new Map<string, string>();
  for (const s of preview.data?.slots ?? []) {
    if (s.handler) pool.set(s.handler.id, s.handler.name);
    for (const e of s.excluded) pool.set(e.handler.id, e.handler.name);
  }
  const shiftText = (s: { date: string; shift: 'am' | 'pm' | 'day' }) =>
    `${s.date} ${t(`duty.shifts.${s.shift}`)}`;

  const proposalTable = (
    <Table<PreviewSlot>
      rowKey={(s) => `${s.date}-${s.shift}`}
      dataSource={preview.data?.slots ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('duty.roster.date'), render: (_, s) => shiftText(s) },
        { title: t('duty.roster.time'), render: (_, s) => `${s.start}–${s.end}` },
        {
          title: t('duty.roster.lawyer'),
          render: (_, s) => s.handler?.name ?? <Tag color="red">{t('duty.roster.nobody')}</Tag>,
        },
        {
          title: t('duty.roster.why'),
          render: (_, s) => (
            <Flex vertical>
              {s.reasons
                .filter(
                  (r) =>
                    r.code === 'DUTY_FEWEST_RECENT' ||
                    r.code === 'DUTY_NO_ELIGIBLE' ||
                    r.code === 'DUTY_WEEK_CAPACITY_LEFT',
                )
                .map((r) => (
                  <span key={r.code}>{reasonText(t, r)}</span>
                ))}
            </Flex>
          ),
        },
        {
          title: t('duty.roster.excluded'),
          render: (_, s) => (
            <Flex vertical>
              {s.excluded.map((e) => (
                <span key={e.handler.id}>
                  {e.handler.name}：{e.reasons.map((r) => reasonText(t, r)).join('；')}
                </span>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );

  const rosterTable = (
    <Table<DutySlot>
      rowKey="id"
      dataSource={roster.data?.slots ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('duty.roster.date'), render: (_, s) => shiftText(s) },
        { title: t('duty.roster.time'), render: (_, s) => `${clock(s.startsAt)}–${clock(s.endsAt)}` },
        {
          title: t('duty.roster.lawyer'),
          render: (_, s) => (
            <Flex vertical>
              <span>{s.handler?.name ?? t('duty.roster.nobody')}</span>
              {s.swapNote && (
                <Typography.Text type="secondary">
                  {t('duty.roster.swapNote', { note: s.swapNote })}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t('duty.roster.checkIn'),
          render: (_, s) => (
            <Flex gap={4} wrap>
              {s.checkedInAt && (
                <Tag color="green">{t('duty.roster.checkedInAt', { time: clock(s.checkedInAt) })}</Tag>
              )}
              {s.checkedOutAt && <Tag>{t('duty.roster.checkedOutAt', { time: clock(s.checkedOutAt) })}</Tag>}
              {s.missed ? (
                <Tag color="red">{t('duty.roster.missed')}</Tag>
              ) : (
                s.late && <Tag color="orange">{t('duty.roster.late')}</Tag>
              )}
            </Flex>
          ),
        },
        {
          title: '',
          render: (_, s) => (
            <Button
              size="small"
              disabled={Date.parse(s.startsAt) <= Date.now()}
              onClick={() => {
                form.resetFields();
                swap.reset();
                setSwapping(s);
              }}
            >
              {t('duty.roster.swap')}
            </Button>
          ),
        },
      ]}
    />
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('duty.roster.title')} />
      <Flex gap={12} wrap align="center">
        <Select
          aria-label={t('duty.roster.station')}
          style={{ minWidth: 260 }}
          value={stationId || undefined}
          placeholder={t('duty.roster.station')}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v: string) => choose({ station: v })}
        />
        <DatePicker
          aria-label={t('duty.roster.week')}
          picker="week"
          allowClear={false}
          value={dayjs(week)}
          onChange={(d) => d && choose({ week: mondayOf(d.format('YYYY-MM-DD')) })}
        />
        {roster.data === null && hasHours && (
          <>
            <Button onClick={() => setWantPreview(true)} loading={preview.isFetching}>
              {t('duty.roster.preview')}
            </Button>
            <Button
              type="primary"
              disabled={!preview.data}
              loading={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              {t('duty.roster.confirm')}
            </Button>
          </>
        )}
      </Flex>
      {stations.isError && <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />}
      {confirm.isError && <ErrorState compact error={confirm.error} />}
      {roster.isError ? (
        <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />
      ) : roster.data ? (
        <Card
          title={t('duty.roster.confirmedAt', beijingDateTime(roster.data.confirmedAt))}
          styles={{ body: { padding: 0 } }}
        >
          {rosterTable}
        </Card>
      ) : roster.data === null && preview.data ? (
        <Card title={t('duty.roster.proposal')} styles={{ body: { padding: 0 } }}>
          {proposalTable}
        </Card>
      ) : roster.data === null && preview.isError ? (
        <ErrorState error={preview.error} />
      ) : roster.data === null && station && !hasHours ? (
        <Alert
          type="info"
          showIcon
          message={t('duty.roster.noHours')}
          action={<Link to="/duty/stations">{t('duty.stations.title')}</Link>}
        />
      ) : roster.data === null ? (
        <Empty description={t('duty.roster.none')} />
      ) : null}
      <SwapRequestsCard pool={pool} onDone={refresh} />
      <DutyRequestsCard />
      <FormModal<SwapForm>
        open={swapping !== null}
        title={
          swapping
            ? t('duty.roster.swapTitle', { date: swapping.date, shift: t(`duty.shifts.${swapping.shift}`) })
            : ''
        }
        name="duty-swap"
        form={form}
        firstField="handlerId"
        onFinish={(v) => swap.mutate(v)}
        onCancel={() => setSwapping(null)}
        submitting={swap.isPending}
        error={swap.error}
      >
        <Form.Item name="handlerId" label={t('duty.roster.newLawyer')} rules={[{ required: true }]}>
          <Select options={[...pool].map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="note" label={t('duty.roster.note')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

/** Open swap requests: approve with a replacement (re-checked by the rules) or decline. */
function SwapRequestsCard({ pool, onDone }: { pool: Map<string, string>; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const requests = useQuery({
    queryKey: dutyKeys.swaps,
    queryFn: ({ signal }) => dutyApi.swapRequests(signal),
  });
  const [replacement, setReplacement] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: (v: { q: SwapRequest; approve: boolean }) =>
      dutyApi.answerSwap(v.q.id, {
        approve: v.approve,
        note: v.q.reason,
        ...(v.approve ? { handlerId: replacement[v.q.id] ?? '' } : {}),
      }),
    onSuccess: () => onDone(),
  });
  if (!requests.data || requests.data.length === 0) return null;
  return (
    <Card title={t('duty.roster.swapRequests')}>
      {answer.isError && <ErrorState compact error={answer.error} />}
      <Flex vertical gap={8}>
        {requests.data.map((q) => (
          <Flex key={q.id} gap={8} wrap align="center">
            <span>
              {q.slot.station.name} {q.slot.date} {t(`duty.shifts.${q.slot.shift}`)} · {q.requestedBy.name} ·{' '}
              {q.reason}
            </span>
            <Select
              aria-label={t('duty.roster.newLawyer')}
              style={{ minWidth: 160 }}
              options={[...pool]
                .filter(([id]) => id !== q.requestedBy.id)
                .map(([value, label]) => ({ value, label }))}
              onChange={(v: string) => setReplacement({ ...replacement, [q.id]: v })}
            />
            <Button disabled={!replacement[q.id]} onClick={() => answer.mutate({ q, approve: true })}>
              {t('duty.roster.approve')}
            </Button>
            <Button onClick={() => answer.mutate({ q, approve: false })}>{t('duty.roster.decline')}</Button>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
