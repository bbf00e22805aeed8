import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Radio, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { eligibilityApi } from '../../../api';
import { errorMessage } from '../../../components/ErrorState';
import { beijingDateTime, beijingToday } from '../../rules/beijingTime';
import { BEIJING, localName } from '../../rules/labels';
import { mostLocal, useRuleRows } from '../../rules/useRules';
import { portalApi } from '../portalApi';

interface FreeSlot {
  id: string;
  kind: 'window' | 'video';
  startsAt: string;
  endsAt: string;
  free: number;
  centre: string;
}
interface Appointment {
  id: string;
  centre: string;
  kind: 'window' | 'video';
  topic: string;
  code: string;
  status: string;
  startsAt: string;
  endsAt: string;
  videoLink: string | null;
}

const when = (s: { startsAt: string; endsAt: string }) => {
  const start = beijingDateTime(s.startsAt);
  return `${start.date} ${start.time}–${beijingDateTime(s.endsAt).time}`;
};

/** 预约咨询: choose a centre, a window or video consultation and a time; see, join or cancel my bookings. */
export default function PortalAppointmentsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [centre, setCentre] = useState<string>();
  const [kind, setKind] = useState<'window' | 'video'>('window');
  const [topic, setTopic] = useState<string>('other');
  const [today] = useState(beijingToday);
  const centres = useQuery({ queryKey: ['portal', 'centres'], queryFn: () => eligibilityApi.centres() });
  const matters = useRuleRows('matter', BEIJING, today);
  const topics = useMemo(
    () => [
      ...mostLocal(matters.data ?? [], ['000000', BEIJING]).map((row) => ({
        value: row.key,
        label: localName(row.data, i18n.language) ?? row.key,
      })),
      { value: 'other', label: t('portalEngage.topicOther') },
    ],
    [matters.data, i18n.language, t],
  );
  const slots = useQuery({
    queryKey: ['portal', 'slots', centre],
    queryFn: () => portalApi.get<{ items: FreeSlot[] }>('/appointment-slots', { organisationCode: centre }),
    enabled: Boolean(centre),
  });
  const mine = useQuery({
    queryKey: ['portal', 'appointments'],
    queryFn: () => portalApi.get<{ items: Appointment[] }>('/appointments'),
  });
  const refresh = (data: { items: Appointment[] }) => {
    queryClient.setQueryData(['portal', 'appointments'], data);
    void queryClient.invalidateQueries({ queryKey: ['portal', 'slots'] });
  };
  const book = useMutation({
    mutationFn: (slotId: string) =>
      portalApi.post<{ items: Appointment[] }>('/appointments', { slotId, topic }),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => portalApi.post<{ items: Appointment[] }>(`/appointments/${id}/cancel`, {}),
    onSuccess: refresh,
  });
  const offered = (slots.data?.items ?? []).filter((s) => s.kind === kind);
  const upcoming = (mine.data?.items ?? []).filter((a) => a.status === 'booked');

  return (
    <div className="portal-narrow">
      <Typography.Title level={1} className="public-shell__heading">
        {t('portalEngage.appointmentsTitle')}
      </Typography.Title>
      <Typography.Paragraph className="public-shell__intro">
        {t('portalEngage.appointmentsIntro')}
      </Typography.Paragraph>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalEngage.myAppointments')}</Typography.Title>
        {upcoming.length === 0 ? (
          <p>{t('portalEngage.noAppointments')}</p>
        ) : (
          <ul className="portal-cards">
            {upcoming.map((a) => (
              <li key={a.id} className="portal-booking">
                <p>
                  <Tag color="blue">
                    {a.kind === 'video' ? t('portalEngage.video') : t('portalEngage.window')}
                  </Tag>{' '}
                  {a.centre}
                </p>
                <p>{when(a)}</p>
                <p>{t('portalEngage.code', { code: a.code })}</p>
                {a.videoLink && (
                  <p>
                    <a href={a.videoLink} target="_blank" rel="noreferrer">
                      {t('portalEngage.join')}
                    </a>
                  </p>
                )}
                <Button
                  size="large"
                  onClick={() => cancel.mutate(a.id)}
                  loading={cancel.isPending && cancel.variables === a.id}
                >
                  {t('portalEngage.cancel')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {cancel.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(cancel.error, t('errors.network'))} />
        )}
      </Card>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalEngage.book')}</Typography.Title>
        <div className="portal-field">
          <label htmlFor="appointment-centre">{t('portalEngage.centre')}</label>
          <Select
            id="appointment-centre"
            size="large"
            style={{ width: '100%' }}
            value={centre}
            onChange={setCentre}
            loading={centres.isPending}
            options={(centres.data?.items ?? []).map((c) => ({ value: c.regionCode ?? '', label: c.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </div>
        <div className="portal-field">
          <label htmlFor="appointment-topic">{t('portalEngage.topic')}</label>
          <Select
            id="appointment-topic"
            size="large"
            style={{ width: '100%' }}
            value={topic}
            onChange={setTopic}
            options={topics}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </div>
        <fieldset className="portal-field">
          <legend>{t('portalEngage.kind')}</legend>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as 'window' | 'video')}
            size="large"
          >
            <Radio.Button value="window">{t('portalEngage.window')}</Radio.Button>
            <Radio.Button value="video">{t('portalEngage.video')}</Radio.Button>
          </Radio.Group>
        </fieldset>
        {centre && offered.length === 0 && !slots.isPending && (
          <Empty description={t('portalEngage.noSlots')} />
        )}
        <ul className="portal-cards">
          {offered.map((s) => (
            <li key={s.id}>
              <Button
                size="large"
                block
                onClick={() => book.mutate(s.id)}
                loading={book.isPending && book.variables === s.id}
              >
                {t('portalEngage.bookSlot', { when: when(s), free: s.free })}
              </Button>
            </li>
          ))}
        </ul>
        {book.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(book.error, t('errors.network'))} />
        )}
        {book.isSuccess && <Alert type="success" showIcon role="status" title={t('portalEngage.booked')} />}
      </Card>
    </div>
  );
}
