import { useState } from 'react';
import { Button, Divider, Empty, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseworkApi, type ApplicationDetail, type MajorFlag } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useCan } from '../auth/session';
import { atBeijing } from '../applications/format';
import { caseworkKeys } from './caseworkKeys';
import { CaseworkRecords } from './CaseworkRecords';
import { DiscussionModal, MajorModal } from './CentreModals';

/** States in which the handler works the case, so that marking it major still matters. */
const WORKING = new Set(['assigned', 'in_progress', 'closing_submitted', 'provisional_aid']);

/**
 * 重大疑难 and 集体讨论: the director marks the case (or lifts the mark) with a reason; deciders
 * record the collective discussions. The API has no read of the mark, so only a mark set in this
 * session shows; recording a discussion on an unmarked case answers CASEWORK_NOT_MAJOR.
 */
function MajorSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<'mark' | 'unmark' | 'discussion' | null>(null);
  const close = () => setDialog(null);
  const flag = useQuery<MajorFlag | null>({
    queryKey: caseworkKeys.major(application.id),
    queryFn: () => null,
    enabled: false,
  });
  const discussions = useQuery({
    queryKey: caseworkKeys.discussions(application.id),
    queryFn: ({ signal }) => caseworkApi.discussions(application.id, signal),
  });
  const canMark = can('application.approve') && WORKING.has(application.state);
  const major = flag.data?.major;

  return (
    <section aria-label={t('casework.major.title')}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('casework.major.title')}
          </Typography.Title>
          {major !== undefined && (
            <Tag color={major ? 'red' : 'default'}>
              {major ? t('casework.major.marked') : t('casework.major.notMarked')}
            </Tag>
          )}
        </Flex>
        <Flex wrap gap={8}>
          {canMark && major !== true && (
            <Button size="small" onClick={() => setDialog('mark')}>
              {t('casework.major.mark')}
            </Button>
          )}
          {canMark && major !== false && (
            <Button size="small" onClick={() => setDialog('unmark')}>
              {t('casework.major.unmark')}
            </Button>
          )}
          {major !== false && (
            <Button size="small" type="primary" onClick={() => setDialog('discussion')}>
              {t('casework.discussions.add')}
            </Button>
          )}
        </Flex>
      </Flex>
      {flag.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('casework.major.markedBecause', { reason: flag.data.reason })}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('casework.discussions.title')}</Typography.Title>
      {discussions.isError ? (
        <ErrorState compact error={discussions.error} onRetry={() => void discussions.refetch()} />
      ) : discussions.data && discussions.data.length > 0 ? (
        <Flex vertical gap={12}>
          {discussions.data.map((d) => (
            <Flex key={d.id} vertical gap={4}>
              <Typography.Text strong>
                {atBeijing(d.heldAt)} · {d.participants.join('、')}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {d.conclusions}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('casework.discussions.by', {
                  name: d.recordedBy.displayName,
                  date: atBeijing(d.recordedAt),
                })}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      ) : (
        !discussions.isPending && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('casework.discussions.empty')} />
        )
      )}
      <MajorModal
        application={application}
        major={dialog === 'mark'}
        open={dialog === 'mark' || dialog === 'unmark'}
        onClose={close}
      />
      <DiscussionModal application={application} open={dialog === 'discussion'} onClose={close} />
    </section>
  );
}

/** 承办记录 on the application file: the handler's record, and for deciders the major-case work. */
export function CaseworkTab({ application }: { application: ApplicationDetail }) {
  const can = useCan();
  return (
    <Flex vertical gap={8}>
      <CaseworkRecords id={application.id} />
      {can('application.decide') && (
        <>
          <Divider />
          <MajorSection application={application} />
        </>
      )}
    </Flex>
  );
}
