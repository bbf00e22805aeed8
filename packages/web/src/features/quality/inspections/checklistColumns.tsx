import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Citation } from '../../rules/Citation';
import { itemColor, type useEvidenceWords } from './checklistWords';
import type { ChecklistItem } from './inspectionsApi';

/**
 * The columns every service-standard checklist shows (a case's live checklist, an inspection):
 * the stage, the item with its citation, its weight, and its result with what shows it, the
 * closing materials missing and the due time with the period's authority.
 */
export function checklistColumns(
  t: TFunction,
  words: ReturnType<typeof useEvidenceWords>,
  language: string,
): TableColumnsType<ChecklistItem> {
  return [
    {
      title: t('inspection.stage'),
      dataIndex: 'stage',
      render: (v: ChecklistItem['stage']) => t(`inspection.stages.${v}`),
    },
    {
      title: t('inspection.item'),
      render: (_, item) => (
        <Flex vertical>
          <span>{language === 'en-US' ? item.nameEn : item.nameZh}</span>
          <Citation citation={item.citation} />
        </Flex>
      ),
    },
    { title: t('inspection.weight'), dataIndex: 'weight', width: 64 },
    {
      title: t('inspection.itemStatus'),
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Tag color={itemColor(item.status)}>{t(`inspection.itemStatuses.${item.status}`)}</Tag>
          {words.evidence(item) && <Typography.Text type="secondary">{words.evidence(item)}</Typography.Text>}
          {item.missing && item.missing.length > 0 && (
            <Typography.Text type="danger">
              {t('inspection.missingMaterials')}：{words.missing(item)}
            </Typography.Text>
          )}
          {words.dueAt(item) && (
            <Typography.Text type="secondary">
              {t('inspection.dueAt')}：{words.dueAt(item)}
              {item.periodCitation && (
                <>
                  {' '}
                  <Citation citation={item.periodCitation} />
                </>
              )}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
}
