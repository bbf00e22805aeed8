import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './codes';

/** The running length of the call being recorded (saved as its duration). */
export function CallTimer({ start }: { start: number | null }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (start === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [start]);
  const seconds = start === null ? 0 : Math.max(0, Math.round((now - start) / 1000));
  return (
    <Typography.Text type="secondary" aria-live="off">
      <ClockCircleOutlined aria-hidden /> {t('hotline.timer', { time: formatDuration(seconds) })}
    </Typography.Text>
  );
}
