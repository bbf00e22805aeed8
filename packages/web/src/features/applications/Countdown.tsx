import { useEffect, useState } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApplicationClock } from '../../api';
import { beijingDateTime } from '../rules/beijingTime';
import { ProvisionalTag } from '../rules/ProvisionalTag';
import { countdownOf, durationParts, isUrgent, tickInterval, type Countdown as State } from './countdown';

/** Where the clock stands now, re-read as often as its text can change (never while paused or ended). */
function useCountdown(clock: ApplicationClock | null): State | null {
  const [now, setNow] = useState(() => Date.now());
  const state = clock ? countdownOf(clock, now) : null;
  const interval = state ? tickInterval(state) : null;
  useEffect(() => {
    if (interval === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), interval);
    return () => window.clearInterval(timer);
  }, [interval]);
  return state;
}

function remaining(ms: number, t: TFunction): string {
  const { days, hours, minutes, seconds } = durationParts(ms);
  if (days > 0) return t('applications.countdown.daysHours', { days, hours });
  if (hours > 0) return t('applications.countdown.hoursMinutes', { hours, minutes });
  return t('applications.countdown.minutesSeconds', { minutes, seconds });
}

/** Overdue reads in whole days, then hours, then minutes (已超期 3 天). */
function past(ms: number, t: TFunction): string {
  const { days, hours, minutes } = durationParts(ms);
  if (days > 0) return t('applications.countdown.days', { count: days });
  if (hours > 0) return t('applications.countdown.hours', { count: hours });
  return t('applications.countdown.minutes', { count: Math.max(1, minutes) });
}

export function countdownText(state: State, t: TFunction): string {
  switch (state.kind) {
    case 'paused':
      return t('applications.countdown.paused');
    case 'stopped':
      return state.onTime === false
        ? t('applications.countdown.late')
        : state.onTime
          ? t('applications.countdown.onTime')
          : t('applications.countdown.stopped');
    case 'running':
      return t('applications.countdown.left', { value: remaining(state.ms, t) });
    case 'overdue':
      return t('applications.countdown.overdue', { value: past(state.ms, t) });
  }
}

interface Props {
  clock: ApplicationClock | null;
  /** Show the period's name above the countdown. */
  showPeriod?: boolean;
  /** Show the due date and time under it. */
  showDue?: boolean;
}

/**
 * A live countdown to a deadline: ticks each second in the last hour, each half-minute before;
 * orange under a day, red once overdue, grey while paused.
 */
export function Countdown({ clock, showPeriod = false, showDue = true }: Props) {
  const { t } = useTranslation();
  const state = useCountdown(clock);
  if (!clock || !state)
    return <Typography.Text type="secondary">{t('applications.countdown.none')}</Typography.Text>;
  const due = beijingDateTime(clock.dueAt);
  const text = countdownText(state, t);
  const tag =
    state.kind === 'paused' ? (
      <Tag icon={<PauseCircleOutlined aria-hidden />} color="default">
        {text}
      </Tag>
    ) : state.kind === 'stopped' ? (
      <Tag color={state.onTime === false ? 'red' : 'green'}>{text}</Tag>
    ) : (
      <Typography.Text
        strong
        type={state.kind === 'overdue' ? 'danger' : isUrgent(state) ? 'warning' : undefined}
        className="countdown"
      >
        <ClockCircleOutlined aria-hidden /> {text}
      </Typography.Text>
    );
  return (
    <Flex vertical gap={2}>
      {showPeriod && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`applications.periods.${clock.period}`)}
        </Typography.Text>
      )}
      <span>
        {tag}
        {clock.provisional && clock.status !== 'stopped' && <ProvisionalTag years={clock.provisionalYears} />}
      </span>
      {showDue && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('applications.countdown.due', due)}
        </Typography.Text>
      )}
    </Flex>
  );
}
