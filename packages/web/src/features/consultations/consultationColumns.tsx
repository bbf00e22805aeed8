import { Button, Tag, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { Consultation } from '../../api';
import { DATE_TIME_SHORT, formatDateTime } from '../../utils';
import { OUTCOME_COLOURS } from './codes';

interface Options {
  t: TFunction;
  sort: string | undefined;
  topicName: (code: string) => string;
  onOpen: (consultation: Consultation) => void;
}

function sortOrder(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  // The API lists the latest first when no sort is given.
  if (sort === undefined && field === 'startedAt') return 'descend';
  return null;
}

/** Who called: the linked person, the name given, or anonymous; with the masked phone. */
export function callerOf(c: Consultation, t: TFunction): string {
  const name = c.person?.name ?? c.callerName ?? t('consultations.anonymous');
  return c.callerPhoneMasked ? `${name} · ${c.callerPhoneMasked}` : name;
}

export function consultationColumns(o: Options): TableColumnsType<Consultation> {
  const { t } = o;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return [
    {
      title: t('consultations.startedAt'),
      dataIndex: 'startedAt',
      key: 'startedAt',
      width: 150,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder(o.sort, 'startedAt'),
      render: (v: string, c) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => o.onOpen(c)}>
          {formatDateTime(v, DATE_TIME_SHORT)}
        </Button>
      ),
    },
    {
      title: t('consultations.channel'),
      dataIndex: 'channel',
      key: 'channel',
      width: 120,
      render: (v: Consultation['channel']) => t(`consultations.channels.${v}`),
    },
    {
      title: t('consultations.caller'),
      key: 'caller',
      width: 190,
      ellipsis: true,
      render: (_: unknown, c) => callerOf(c, t),
    },
    {
      title: t('consultations.topic'),
      dataIndex: 'topicMatter',
      key: 'topicMatter',
      width: 200,
      ellipsis: true,
      render: (v: string) => o.topicName(v),
    },
    {
      title: t('consultations.question'),
      dataIndex: 'question',
      key: 'question',
      width: 300,
      ellipsis: true,
    },
    {
      title: t('consultations.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 110,
      render: (v: Consultation['outcome']) => (
        <Tag color={OUTCOME_COLOURS[v]}>{t(`consultations.outcomes.${v}`)}</Tag>
      ),
    },
    {
      title: t('consultations.owner'),
      key: 'owner',
      width: 120,
      ellipsis: true,
      render: (_: unknown, c) => c.owner.displayName,
    },
    {
      title: t('consultations.followUpOn'),
      dataIndex: 'followUpOn',
      key: 'followUpOn',
      width: 120,
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, c) => (
        <Button type="link" size="small" onClick={() => o.onOpen(c)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];
}
