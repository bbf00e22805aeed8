import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { Handler } from '../../api';
import { STATUS_COLOURS } from './labels';

interface Options {
  t: TFunction;
  sort: string | undefined;
  canManage: boolean;
  onOpen: (handler: Handler) => void;
  onEdit: (handler: Handler) => void;
}

function sortOrder(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function handlerColumns(o: Options): TableColumnsType<Handler> {
  const { t } = o;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return [
    {
      title: t('handlers.name'),
      dataIndex: 'name',
      key: 'name',
      width: 120,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder(o.sort, 'name'),
      render: (name: string, handler) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => o.onOpen(handler)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('handlers.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 150,
      render: (kind: Handler['kind'], h) =>
        h.volunteerSubkind
          ? `${t(`handlers.kinds.${kind}`)}（${t(`handlers.subkinds.${h.volunteerSubkind}`)}）`
          : t(`handlers.kinds.${kind}`),
    },
    {
      title: t('handlers.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: Handler['status']) => (
        <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
          {t(`handlers.statuses.${status}`)}
        </Tag>
      ),
    },
    // Who can take one more case: beside the name and status, so it is in view at 1440 px without scrolling.
    {
      title: t('handlers.load'),
      key: 'load',
      width: 100,
      render: (_: unknown, h) => `${h.openCases} / ${h.capacity}`,
    },
    {
      title: t('handlers.firm'),
      dataIndex: 'firm',
      key: 'firm',
      width: 180,
      ellipsis: true,
      render: (firm: Handler['firm']) => firm?.name ?? none,
    },
    {
      title: t('handlers.yearsOfPractice'),
      dataIndex: 'yearsOfPractice',
      key: 'practiceStartDate',
      width: 110,
      sorter: true,
      // Earliest start first = most years first.
      sortOrder: sortOrder(o.sort, 'practiceStartDate'),
      render: (years: number) => t('handlers.years', { count: years }),
    },
    {
      title: t('handlers.yearsOfCriminalPractice'),
      dataIndex: 'yearsOfCriminalPractice',
      key: 'yearsOfCriminalPractice',
      width: 120,
      render: (years: number, h) =>
        h.criminalPracticeStartDate ? t('handlers.years', { count: years }) : none,
    },
    {
      title: t('handlers.teams'),
      dataIndex: 'teams',
      key: 'teams',
      width: 200,
      render: (teams: Handler['teams']) =>
        teams.length === 0 ? (
          none
        ) : (
          <Flex wrap gap={4}>
            {teams.map((team) => (
              <Tag key={team.id} color="purple" style={{ marginInlineEnd: 0 }}>
                {team.name}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('handlers.organisation'),
      dataIndex: 'organisationName',
      key: 'organisationName',
      width: 170,
      ellipsis: true,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: o.canManage ? 120 : 80,
      render: (_: unknown, handler) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => o.onOpen(handler)}>
            {t('common.details')}
          </Button>
          {o.canManage && (
            <Button type="link" size="small" onClick={() => o.onEdit(handler)}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
}
