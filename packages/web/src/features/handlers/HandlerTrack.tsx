import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
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
        ]}
      />
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
