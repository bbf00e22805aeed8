import { Alert, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Citation } from '../rules/Citation';
import { useTranslation } from 'react-i18next';
import type { HandlerDetail } from '../../api';
import { itemName } from '../applications/labels';
import { beijingDateTime } from '../rules/beijingTime';

/**
 * 承办业绩: the handler's work record, which the talent pool (人才库) and admission and exit look at —
 * cases open against capacity, cases closed, assignments declined, and the quality evaluations of
 * the cases they closed (average score, how many of each grade, named by the API from the rule
 * row each evaluation was made under, so no code is ever shown while a list loads).
 */
export function HandlerTrack({ handler }: { handler: HandlerDetail }) {
  const { t, i18n } = useTranslation();
  const track = handler.track;
  const quality = track.quality;
  const orDash = (v: number | null) => (v === null ? t('handlers.track.none') : v);
  return (
    <Flex vertical gap={12} data-testid="handler-track">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'open',
            label: t('handlers.track.open'),
            children: `${track.openCases} / ${handler.capacity}`,
          },
          { key: 'closed', label: t('handlers.track.closed'), children: track.closedCases },
          { key: 'declined', label: t('handlers.track.declined'), children: track.declined },
          {
            key: 'last',
            label: t('handlers.track.lastAssigned'),
            children: track.lastAssignedAt
              ? t('handlers.track.at', beijingDateTime(track.lastAssignedAt))
              : t('handlers.track.never'),
          },
          {
            key: 'average',
            label: t('handlers.track.averageScore'),
            children:
              track.averageScore === null
                ? t('handlers.track.noEvaluations')
                : t('handlers.track.average', { score: track.averageScore, count: track.evaluations }),
          },
          {
            key: 'inspection',
            label: t('handlers.track.inspectionScore'),
            children:
              quality.inspectionScore === null
                ? t('handlers.track.noInspections')
                : t('handlers.track.inspections', {
                    score: quality.inspectionScore,
                    count: quality.inspections,
                  }),
          },
          {
            key: 'observation',
            label: t('handlers.track.observationScore'),
            children:
              quality.observationScore === null
                ? t('handlers.track.noObservations')
                : t('handlers.track.observations', {
                    score: quality.observationScore,
                    count: quality.observations,
                  }),
          },
          {
            key: 'complaints',
            label: t('handlers.track.complaints'),
            children: t('handlers.track.complaintsValue', {
              upheld: quality.upheldComplaints,
              decided: quality.complaintsDecided,
            }),
          },
          {
            key: 'satisfaction',
            label: t('handlers.track.satisfaction'),
            children:
              quality.satisfaction === null
                ? t('handlers.track.noRatings')
                : t('handlers.track.satisfactionValue', {
                    score: quality.satisfaction,
                    count: quality.ratings,
                  }),
          },
        ]}
      />
      {quality.concerns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('handlers.track.concernsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {quality.concerns.map((c) => (
                <li key={c.code}>
                  {t('handlers.track.concern', {
                    name: i18n.language === 'en-US' ? c.nameEn : c.nameZh,
                    value: c.value,
                    bound: t(c.bound === 'min' ? 'handlers.track.boundMin' : 'handlers.track.boundMax'),
                    limit: c.limit,
                    days: c.windowDays,
                  })}{' '}
                  <Citation citation={c.citation} />
                </li>
              ))}
            </ul>
          }
        />
      )}
      {quality.trend.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="quarter"
          title={() => t('handlers.track.trend')}
          dataSource={quality.trend}
          columns={[
            { title: t('handlers.track.quarter'), dataIndex: 'quarter' },
            { title: t('handlers.track.averageScore'), dataIndex: 'averageScore', render: orDash },
            { title: t('handlers.track.inspectionScore'), dataIndex: 'inspectionScore', render: orDash },
            { title: t('handlers.track.complaints'), dataIndex: 'upheldComplaints' },
            { title: t('handlers.track.satisfaction'), dataIndex: 'satisfaction', render: orDash },
          ]}
        />
      )}
      {track.grades.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handlers.track.noEvaluations')} />
      ) : (
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">{t('handlers.track.grades')}</Typography.Text>
          {track.grades.map((g) => (
            <Tag key={g.code} color={g.code === 'fail' ? 'red' : 'blue'}>
              {itemName(g, i18n.language)} × {g.count}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
