import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dutyApi, type DutyRequest, type DutyService, type DutySlot } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { PageLoading } from '../../components/PageLoading';
import { FormModal } from '../../components/FormModal';
import { beijingToday } from '../rules/beijingTime';
import { clock, dutyKeys } from './dutyWords';
import { ServiceModal } from './ServiceModal';
import { ForwardModal } from './ForwardModal';

/**
 * 我的值班, used on a phone at the station: my coming duties, check-in and check-out, the organs'
 * requests of today, the service log with the plea fields, and a service turned into an aid
 * application in one step. One column, full-width touch-size buttons (390 px wide).
 */
export default function MyDutyPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const my = useQuery({ queryKey: dutyKeys.my, queryFn: ({ signal }) => dutyApi.my(signal) });
  const types = useQuery({
    queryKey: ['duty', 'service-types'],
    queryFn: ({ signal }) => dutyApi.serviceTypes(signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: dutyKeys.my });
  const check = useMutation({
    mutationFn: (v: { slot: DutySlot; move: 'in' | 'out' }) => dutyApi.check(v.slot.id, v.move),
    onSuccess: () => refresh(),
  });
  const accept = useMutation({ mutationFn: (id: string) => dutyApi.accept(id), onSuccess: () => refresh() });
  const [recording, setRecording] = useState<{ slotId: string; request: DutyRequest | null } | null>(null);
  const [forwarding, setForwarding] = useState<DutyService | null>(null);
  const [askingSwap, setAskingSwap] = useState<DutySlot | null>(null);
  const [swapForm] = Form.useForm<{ reason: string }>();
  const askSwap = useMutation({
    mutationFn: (v: { reason: string }) => dutyApi.askSwap(askingSwap!.id, v.reason),
    onSuccess: async () => {
      void message.success(t('duty.my.swapAsked'));
      setAskingSwap(null);
      await refresh();
    },
  });

  if (my.isLoading) return <PageLoading />;
  if (my.isError) return <ErrorState error={my.error} onRetry={() => void my.refetch()} />;
  const data = my.data!;
  const today = beijingToday();
  const todaySlot =
    data.slots.find((s) => s.date === today && !s.checkedOutAt) ?? data.slots.find((s) => s.date === today);
  const typeName = (code: string) => {
    const item = types.data?.find((x) => x.code === code);
    return item ? (i18n.language === 'en-US' ? item.nameEn : item.nameZh) : '';
  };

  return (
    <Flex vertical gap={12} className="duty-mobile">
      <PageHeader title={t('duty.my.title')} />
      {check.isError && <ErrorState compact error={check.error} />}
      <Card title={t('duty.my.upcoming')} size="small">
        {data.slots.length === 0 ? (
          <Empty description={t('duty.my.none')} />
        ) : (
          <Flex vertical gap={12}>
            {data.slots.map((s) => {
              const isToday = s.date === today;
              return (
                <Flex key={s.id} vertical gap={8} className="duty-slot" data-slot={s.id}>
                  <Flex justify="space-between" wrap gap={4}>
                    <Typography.Text strong>
                      {isToday ? `${t('duty.my.today')} ` : `${s.date} `}
                      {t(`duty.shifts.${s.shift}`)} {clock(s.startsAt)}–{clock(s.endsAt)}
                    </Typography.Text>
                    {s.checkedInAt && (
                      <Tag color="green">{t('duty.my.checkedIn', { time: clock(s.checkedInAt) })}</Tag>
                    )}
                    {s.checkedOutAt && <Tag>{t('duty.my.checkedOut', { time: clock(s.checkedOutAt) })}</Tag>}
                    {s.openSwapRequest && <Tag color="orange">{t('duty.my.swapAsked')}</Tag>}
                  </Flex>
                  <Typography.Text type="secondary">
                    {s.station.name}
                    {s.station.address ? ` · ${s.station.address}` : ''}
                  </Typography.Text>
                  {isToday && !s.checkedInAt && (
                    <Button
                      type="primary"
                      size="large"
                      block
                      loading={check.isPending}
                      onClick={() => check.mutate({ slot: s, move: 'in' })}
                    >
                      {t('duty.my.checkIn')}
                    </Button>
                  )}
                  {isToday && s.checkedInAt && !s.checkedOutAt && (
                    <Flex vertical gap={8}>
                      <Button
                        type="primary"
                        size="large"
                        block
                        onClick={() => setRecording({ slotId: s.id, request: null })}
                      >
                        {t('duty.my.record')}
                      </Button>
                      <Button
                        size="large"
                        block
                        loading={check.isPending}
                        onClick={() => check.mutate({ slot: s, move: 'out' })}
                      >
                        {t('duty.my.checkOut')}
                      </Button>
                    </Flex>
                  )}
                  {!isToday && !s.openSwapRequest && (
                    <Button
                      size="large"
                      block
                      onClick={() => {
                        swapForm.resetFields();
                        askSwap.reset();
                        setAskingSwap(s);
                      }}
                    >
                      {t('duty.my.askSwap')}
                    </Button>
                  )}
                </Flex>
              );
            })}
          </Flex>
        )}
      </Card>

      <Card title={t('duty.my.requests')} size="small">
        {accept.isError && <ErrorState compact error={accept.error} />}
        {data.requests.length === 0 ? (
          <Typography.Text type="secondary">{t('duty.my.noRequests')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {data.requests.map((q) => (
              <Flex key={q.id} vertical gap={8}>
                <Typography.Text strong>
                  {q.suspectName} · {t(`duty.requests.reasons.${q.reason}`)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {q.institutionCaseNumber}
                  {q.place ? ` · ${q.place}` : ''}
                </Typography.Text>
                {q.status === 'received' ? (
                  <Button size="large" block loading={accept.isPending} onClick={() => accept.mutate(q.id)}>
                    {t('duty.my.accept')}
                  </Button>
                ) : (
                  todaySlot?.checkedInAt && (
                    <Button
                      size="large"
                      block
                      onClick={() => setRecording({ slotId: todaySlot.id, request: q })}
                    >
                      {t('duty.my.recordFor')}
                    </Button>
                  )
                )}
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      <Card title={t('duty.my.services')} size="small">
        {data.services.length === 0 ? (
          <Typography.Text type="secondary">{t('duty.my.noServices')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {data.services.map((s) => (
              <Flex key={s.id} vertical gap={8} className="duty-service">
                <Typography.Text strong>
                  {clock(s.servedAt)} {s.personName}
                </Typography.Text>
                <Flex gap={4} wrap>
                  {s.serviceTypes.map((code) => (
                    <Tag key={code}>{typeName(code)}</Tag>
                  ))}
                </Flex>
                {s.application ? (
                  <Flex gap={4} wrap>
                    <Tag color="green">{t('duty.my.forwardedAs', { number: s.application.number })}</Tag>
                    {s.application.forwardedLate && <Tag color="red">{t('duty.my.forwardedLate')}</Tag>}
                  </Flex>
                ) : (
                  <Button size="large" block onClick={() => setForwarding(s)}>
                    {t('duty.my.forward')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      <ServiceModal
        slotId={recording?.slotId ?? null}
        request={recording?.request ?? null}
        onClose={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          void refresh();
        }}
      />
      <ForwardModal
        service={forwarding}
        onClose={() => setForwarding(null)}
        onDone={() => {
          setForwarding(null);
          void refresh();
        }}
      />
      <FormModal<{ reason: string }>
        open={askingSwap !== null}
        title={t('duty.my.askSwap')}
        name="duty-ask-swap"
        form={swapForm}
        firstField="reason"
        onFinish={(v) => askSwap.mutate(v)}
        onCancel={() => setAskingSwap(null)}
        submitting={askSwap.isPending}
        error={askSwap.error}
      >
        <Form.Item
          name="reason"
          label={t('duty.my.swapReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
