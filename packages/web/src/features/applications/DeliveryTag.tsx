import { formatCitation } from '@fayuan/domain';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../api';
import { beijingDateTime } from '../rules/beijingTime';

/** "未送达": the refusal or termination has no recorded delivery, so its objection period has not begun. */
export function NotDeliveredTag({ awaitingDelivery }: { awaitingDelivery: boolean }) {
  const { t } = useTranslation();
  if (!awaitingDelivery) return null;
  return (
    <Tooltip title={t('applications.detail.notDeliveredHelp')}>
      <Tag color="orange">{t('applications.detail.notDelivered')}</Tag>
    </Tooltip>
  );
}

/** Where the objection period stands (LAL art.49; BJR art.24), under the case's countdown. */
export function ObjectionWindowNote({ window }: { window: ApplicationDetail['objectionWindow'] }) {
  const { t, i18n } = useTranslation();
  if (!window) return null;
  const citation = formatCitation(window.citation ?? '', i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
  const text =
    window.status === 'running' && window.dueAt
      ? t('applications.detail.objectionWindow.running', {
          date: beijingDateTime(window.dueAt).date,
          citation,
        })
      : t(`applications.detail.objectionWindow.${window.status}`, { citation });
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
}
