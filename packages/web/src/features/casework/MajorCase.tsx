import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Discussion, MajorFlag } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { atBeijing } from '../applications/format';
import { useDiscussions, useMajorFlag } from './useCasework';

/** The mark as loaded: marked or not, and once set the reason, who set it and when. */
export function MajorFlagSummary({ flag }: { flag: MajorFlag }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid="major-flag">
      <Tag color={flag.major ? 'red' : 'default'} style={{ alignSelf: 'flex-start' }}>
        {flag.major ? t('casework.major.marked') : t('casework.major.notMarked')}
      </Tag>
      {flag.reason !== null && (
        <Typography.Text>
          {flag.major
            ? t('casework.major.markedBecause', { reason: flag.reason })
            : t('casework.major.liftedBecause', { reason: flag.reason })}
        </Typography.Text>
      )}
      {flag.setBy && flag.setAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('casework.major.setBy', { name: flag.setBy.displayName, date: atBeijing(flag.setAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Collective discussions, oldest first: when, who took part, the conclusions, who recorded them. */
export function DiscussionsList({ discussions }: { discussions: Discussion[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {discussions.map((d) => (
        <Flex key={d.id} vertical gap={4} data-testid="discussion">
          <Typography.Text strong>
            {atBeijing(d.heldAt)} · {d.participants.join('、')}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {d.conclusions}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('casework.discussions.by', { name: d.recordedBy.displayName, date: atBeijing(d.recordedAt) })}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** The discussions of a case with their loading, error and empty states. */
export function DiscussionsSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const discussions = useDiscussions(id);
  if (discussions.isError)
    return <ErrorState compact error={discussions.error} onRetry={() => void discussions.refetch()} />;
  if (discussions.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (discussions.data.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('casework.discussions.empty')} />;
  return <DiscussionsList discussions={discussions.data} />;
}

/**
 * The director's supervision as the handler sees it (read-only), as a card of its own: the mark
 * with its reason, who set it and when, and the collective discussions. Shown once the case has
 * been marked (a lifted mark stays visible); nothing otherwise.
 */
export function MajorSupervision({ id }: { id: string }) {
  const { t } = useTranslation();
  const flag = useMajorFlag(id);
  if (flag.isError) return <ErrorState compact error={flag.error} onRetry={() => void flag.refetch()} />;
  if (flag.isPending || flag.data.setAt === null) return null;
  return (
    <Card variant="borderless" title={t('casework.major.title')}>
      <section aria-label={t('casework.major.title')}>
        <Flex vertical gap={12}>
          <MajorFlagSummary flag={flag.data} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('casework.discussions.title')}
          </Typography.Title>
          <DiscussionsSection id={id} />
        </Flex>
      </section>
    </Card>
  );
}
