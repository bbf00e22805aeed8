import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Table, TimePicker, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { dutyApi, type DutyHours, type DutyStation } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { dutyKeys } from './dutyWords';

interface HoursForm {
  am: string[];
  pm: string[];
  amTime: [Dayjs, Dayjs];
  pmTime: [Dayjs, Dayjs];
  hostInstitution?: string;
}

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The hours in words: 周一至周五 上午 09:00–12:00 … one line per part of a day. */
function HoursText({ hours }: { hours: DutyHours[] }) {
  const { t } = useTranslation();
  if (hours.length === 0)
    return <Typography.Text type="secondary">{t('duty.stations.noHours')}</Typography.Text>;
  const parts = (['am', 'pm', 'day'] as const)
    .map((shift) => {
      const of = hours.filter((h) => h.shift === shift);
      if (of.length === 0) return null;
      const days = of.map((h) => t(`duty.weekdays.${String(h.weekday) as (typeof DAYS)[number]}`)).join('、');
      return `${t(`duty.shifts.${shift}`)} ${of[0]?.start}–${of[0]?.end}（${days}）`;
    })
    .filter(Boolean);
  return (
    <Flex vertical>
      {parts.map((p) => (
        <span key={p}>{p}</span>
      ))}
    </Flex>
  );
}

/** 值班工作站: the stations in scope, their address, hours and host institution; the centre sets the duty hours. */
export default function DutyStationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stations = useQuery({
    queryKey: dutyKeys.stations,
    queryFn: ({ signal }) => dutyApi.stations(signal),
  });
  const [editing, setEditing] = useState<DutyStation | null>(null);
  const [form] = Form.useForm<HoursForm>();
  const save = useMutation({
    mutationFn: (values: HoursForm) => {
      const time = (r: [Dayjs, Dayjs]) => ({ start: r[0].format('HH:mm'), end: r[1].format('HH:mm') });
      const hours: DutyHours[] = [
        ...values.am.map((d) => ({ weekday: Number(d), shift: 'am' as const, ...time(values.amTime) })),
        ...values.pm.map((d) => ({ weekday: Number(d), shift: 'pm' as const, ...time(values.pmTime) })),
      ];
      return dutyApi.setStation(editing!.id, {
        hours,
        hostInstitution: values.hostInstitution?.trim() || null,
      });
    },
    onSuccess: async () => {
      void message.success(t('duty.stations.saved'));
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: dutyKeys.stations });
    },
  });
  const open = (s: DutyStation) => {
    const am = s.hours.filter((h) => h.shift === 'am');
    const pm = s.hours.filter((h) => h.shift === 'pm');
    const range = (h: DutyHours | undefined, start: string, end: string): [Dayjs, Dayjs] => [
      dayjs(`2000-01-01T${h?.start ?? start}`),
      dayjs(`2000-01-01T${h?.end ?? end}`),
    ];
    form.setFieldsValue({
      am: am.length > 0 ? am.map((h) => String(h.weekday)) : ['1', '2', '3', '4', '5'],
      pm: pm.length > 0 ? pm.map((h) => String(h.weekday)) : ['1', '2', '3', '4', '5'],
      amTime: range(am[0], '09:00', '12:00'),
      pmTime: range(pm[0], '13:30', '17:30'),
      hostInstitution: s.hostInstitution ?? '',
    });
    save.reset();
    setEditing(s);
  };
  const [settingsOf, setSettingsOf] = useState<DutyStation | null>(null);
  const [settingsForm] = Form.useForm<DutyStation['settings']>();
  const saveSettings = useMutation({
    mutationFn: (v: DutyStation['settings']) => dutyApi.setSettings(settingsOf!.id, v),
    onSuccess: async () => {
      void message.success(t('duty.stations.settingsSaved'));
      setSettingsOf(null);
      await queryClient.invalidateQueries({ queryKey: dutyKeys.stations });
    },
  });
  const dayOptions = DAYS.map((d) => ({ value: d, label: t(`duty.weekdays.${d}`) }));

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('duty.stations.title')} />
      {stations.isError ? (
        <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />
      ) : (
        <Table<DutyStation>
          rowKey="id"
          loading={stations.isLoading}
          dataSource={stations.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('duty.stations.empty') }}
          columns={[
            { title: t('duty.stations.name'), dataIndex: 'name' },
            { title: t('duty.stations.address'), render: (_, s) => s.address ?? '—' },
            { title: t('duty.stations.host'), render: (_, s) => s.hostInstitution ?? '—' },
            { title: t('duty.stations.dutyHours'), render: (_, s) => <HoursText hours={s.hours} /> },
            {
              title: '',
              render: (_, s) => (
                <Flex gap={8}>
                  <Button size="small" onClick={() => open(s)}>
                    {t('duty.stations.edit')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      settingsForm.setFieldsValue(s.settings);
                      saveSettings.reset();
                      setSettingsOf(s);
                    }}
                  >
                    {t('duty.stations.settings')}
                  </Button>
                  <Link to={`/duty/roster?station=${s.id}`}>{t('duty.stations.roster')}</Link>
                </Flex>
              ),
            },
          ]}
        />
      )}
      <FormModal<HoursForm>
        open={editing !== null}
        title={t('duty.stations.editTitle', { name: editing?.name ?? '' })}
        name="duty-hours"
        form={form}
        firstField="hostInstitution"
        onFinish={(v) => save.mutate(v)}
        onCancel={() => setEditing(null)}
        submitting={save.isPending}
        error={save.error}
      >
        <Form.Item name="hostInstitution" label={t('duty.stations.host')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="am" label={t('duty.stations.am')}>
          <Checkbox.Group options={dayOptions} />
        </Form.Item>
        <Form.Item name="amTime" label={t('duty.stations.amTime')} rules={[{ required: true }]}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="pm" label={t('duty.stations.pm')}>
          <Checkbox.Group options={dayOptions} />
        </Form.Item>
        <Form.Item name="pmTime" label={t('duty.stations.pmTime')} rules={[{ required: true }]}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
      </FormModal>
      <FormModal<DutyStation['settings']>
        open={settingsOf !== null}
        title={t('duty.stations.settingsTitle')}
        name="duty-settings"
        form={settingsForm}
        firstField="maxDutiesPerWeek"
        onFinish={(v) => saveSettings.mutate(v)}
        onCancel={() => setSettingsOf(null)}
        submitting={saveSettings.isPending}
        error={saveSettings.error}
      >
        <Typography.Paragraph type="secondary">{t('duty.stations.settingsHint')}</Typography.Paragraph>
        <Form.Item name="maxDutiesPerWeek" label={t('duty.stations.maxPerWeek')} rules={[{ required: true }]}>
          <InputNumber min={1} max={14} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rotationWeeks" label={t('duty.stations.rotationWeeks')} rules={[{ required: true }]}>
          <InputNumber min={1} max={26} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lateAfterMinutes" label={t('duty.stations.lateAfter')} rules={[{ required: true }]}>
          <InputNumber min={0} max={240} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
