import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationClock, ApplicationEvent } from '../../api';
import { Citation } from '../rules/Citation';
import { Countdown } from './Countdown';
import { atBeijing } from './format';
import { useEventLabel } from './labels';

const CLOCK_COLOURS = { running: 'blue', paused: 'gray', stopped: 'green' } as const;

/** Every deadline the application has run: started, due, paused or ended, on time or late, and its law. */
export function ClocksTimeline({ clocks }: { clocks: ApplicationClock[] }) {
  const { t } = useTranslation();
  if (clocks.length === 0) return <Empty description={t('applications.clocks.empty')} />;
  return (
    <Timeline
      items={clocks.map((c) => ({
        key: c.id,
        color: c.status === 'stopped' && c.onTime === false ? 'red' : CLOCK_COLOURS[c.status],
        content: (
          <Flex vertical gap={4}>
            <Flex wrap gap={8} align="center">
              <Typography.Text strong>{t(`applications.periods.${c.period}`)}</Typography.Text>
              <Tag>{t(`applications.clockStatus.${c.status}`)}</Tag>
              <Citation citation={c.citation} />
            </Flex>
            <Typography.Text type="secondary">
              {t('applications.clocks.started', { value: atBeijing(c.startedAt) })} ·{' '}
              {t('applications.clocks.due', { value: atBeijing(c.dueAt) })}
              {c.stoppedAt && ` · ${t('applications.clocks.stopped', { value: atBeijing(c.stoppedAt) })}`}
            </Typography.Text>
            {c.dueHistory.map((h) => (
              <Typography.Text key={h.at} type="secondary" style={{ fontSize: 12 }}>
                {t('applications.clocks.recomputed', {
                  at: atBeijing(h.at),
                  year: h.ref.split('/')[1] ?? h.ref,
                  before: atBeijing(h.dueAtBefore),
                  after: atBeijing(h.dueAtAfter),
                })}
              </Typography.Text>
            ))}
            <Countdown clock={c} showDue={false} />
          </Flex>
        ),
      }))}
    />
  );
}

/** The notable parts of an event's payload, as text: reasons, notes, items asked for. */
function payloadLines(
  payload: Record<string, unknown>,
): { key: 'reason' | 'note' | 'items'; value: string }[] {
  const lines: { key: 'reason' | 'note' | 'items'; value: string }[] = [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const reason = str(payload.reason);
  if (reason) lines.push({ key: 'reason', value: reason });
  const note = str(payload.note);
  if (note) lines.push({ key: 'note', value: note });
  const items = payload.missingItems ?? payload.provided ?? payload.items;
  if (Array.isArray(items) && items.length > 0)
    lines.push({
      key: 'items',
      value: items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join('、'),
    });
  return lines;
}

/** The application's history, newest last: who did what, the state it moved to, and the law it rests on. */
export function EventsTimeline({ events }: { events: ApplicationEvent[] }) {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  if (events.length === 0) return <Empty description={t('applications.eventsTab.empty')} />;
  return (
    <Timeline
      items={events.map((e, index) => ({
        key: `${e.at}-${index}`,
        content: (
          <Flex vertical gap={2}>
            <Flex wrap gap={8} align="center">
              <Typography.Text strong>{eventLabel(e.event)}</Typography.Text>
              <Typography.Text type="secondary">
                {e.fromState
                  ? t('applications.eventsTab.transition', {
                      from: t(`applications.states.${e.fromState}`),
                      to: t(`applications.states.${e.toState}`),
                    })
                  : t(`applications.states.${e.toState}`)}
              </Typography.Text>
              {e.citation && <Citation citation={e.citation} />}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {atBeijing(e.at)} · {e.actor?.displayName ?? t(`applications.actorKinds.${e.actorKind}`)}
            </Typography.Text>
            {e.handler && (
              <Typography.Text data-testid="event-handler">
                {t('applications.eventsTab.handler', { name: e.handler.name })}
              </Typography.Text>
            )}
            {payloadLines(e.payload).map((line) => (
              <Typography.Text key={line.key}>
                {t(`applications.eventsTab.${line.key}`, { value: line.value })}
              </Typography.Text>
            ))}
          </Flex>
        ),
      }))}
    />
  );
}
