import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreParts } from '../../api';

const PARTS = ['load', 'rotation', 'specialty', 'district', 'language'] as const;

/** The score and what it is made of: each part a fraction, 0 ideal. */
export function ScoreTags({ score, parts }: { score: number; parts: ScoreParts }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('assignment.panel.score', { score })}
      </Tag>
      {PARTS.map((part) => (
        <Tag key={part} bordered={false} style={{ marginInlineEnd: 0, fontSize: 11 }}>
          {t(`assignment.scoreParts.${part}`, { value: parts[part].toFixed(2) })}
        </Tag>
      ))}
    </Flex>
  );
}
