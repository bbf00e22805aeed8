import { Flex, Tag, Tooltip, Typography } from 'antd';
import { AuditOutlined, WarningOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ApplicationSummary } from '../../api';
import { beijingDateTime } from '../rules/beijingTime';
import { Countdown } from './Countdown';
import { StateTag } from './StateTag';
import { NotDeliveredTag } from './DeliveryTag';

interface Options {
  t: TFunction;
  sort: string | undefined;
  matterName: (code: string, channel?: string) => string;
}

function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Worklist columns: the number links to the file; the deadline column counts down live. */
export function worklistColumns({ t, sort, matterName }: Options): ColumnsType<ApplicationSummary> {
  return [
    {
      key: 'number',
      title: t('applications.worklist.number'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'number'),
      width: 220,
      render: (_, row) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/applications/${row.id}`} className="mono">
            {row.number}
          </Link>
          <Flex wrap gap={4}>
            {row.flagCount > 0 && (
              <Tag color="volcano" icon={<WarningOutlined aria-hidden />}>
                {t('applications.worklist.flags', { count: row.flagCount })}
              </Tag>
            )}
            {row.awaitingApproval && (
              <Tag color="gold" icon={<AuditOutlined aria-hidden />}>
                {t('applications.worklist.awaitingApproval')}
              </Tag>
            )}
            {row.eligible === false && <Tag>{t('applications.worklist.notEligible')}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'applicant',
      title: t('applications.worklist.applicant'),
      width: 120,
      render: (_, row) => row.applicant.name,
    },
    {
      key: 'matter',
      title: t('applications.worklist.matter'),
      width: 200,
      render: (_, row) => (
        <Flex vertical>
          <span>{matterName(row.matter, row.channel)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`applications.caseTypes.${row.caseType}`)} · {t(`applications.channels.${row.channel}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'state',
      title: t('applications.worklist.state'),
      width: 120,
      render: (_, row) => <StateTag state={row.state} />,
    },
    {
      key: 'dueAt',
      title: t('applications.worklist.deadline'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'dueAt'),
      width: 210,
      render: (_, row) => (
        <>
          <Countdown clock={row.currentClock} showPeriod />
          <NotDeliveredTag awaitingDelivery={row.awaitingDelivery} />
        </>
      ),
    },
    {
      key: 'owner',
      title: t('applications.worklist.owner'),
      width: 160,
      render: (_, row) => row.owner.name,
    },
    {
      key: 'reviewer',
      title: t('applications.worklist.reviewer'),
      width: 110,
      render: (_, row) =>
        row.reviewer?.displayName ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      key: 'handler',
      title: t('applications.worklist.handler'),
      width: 110,
      render: (_, row) =>
        row.handler?.name ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      key: 'receivedAt',
      title: t('applications.worklist.receivedAt'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'receivedAt'),
      width: 150,
      render: (_, row) => {
        const { date, time } = beijingDateTime(row.receivedAt);
        return (
          <Tooltip title={row.receivedAt}>
            <span>
              {date} {time}
            </span>
          </Tooltip>
        );
      },
    },
  ];
}

/** Overdue rows read red across the table (the countdown cell says by how much). */
export function worklistRowClass(row: ApplicationSummary): string {
  const clock = row.currentClock;
  return clock && clock.status === 'running' && Date.parse(clock.dueAt) < Date.now() ? 'row-overdue' : '';
}
