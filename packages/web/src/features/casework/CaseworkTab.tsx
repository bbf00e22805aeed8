import { useState } from 'react';
import { Button, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useCan } from '../auth/session';
import { CaseworkRecords } from './CaseworkRecords';
import { DiscussionModal, MajorModal } from './CentreModals';
import { DiscussionsSection, MajorFlagSummary } from './MajorCase';
import { useMajorFlag } from './useCasework';

/** States in which the handler works the case, so that marking it major still matters. */
const WORKING = new Set(['assigned', 'in_progress', 'closing_submitted', 'provisional_aid']);

/**
 * 重大疑难 and 集体讨论: the mark as loaded (reason, who set it, when); the director marks the case
 * (or lifts the mark) with a reason; deciders record the collective discussions, which the handler
 * reads on their own page.
 */
function MajorSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<'mark' | 'unmark' | 'discussion' | null>(null);
  const close = () => setDialog(null);
  const flag = useMajorFlag(application.id);
  const canMark = can('application.approve') && WORKING.has(application.state);
  const major = flag.data?.major;

  return (
    <section aria-label={t('casework.major.title')}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('casework.major.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {canMark && major === false && (
            <Button size="small" onClick={() => setDialog('mark')}>
              {t('casework.major.mark')}
            </Button>
          )}
          {canMark && major === true && (
            <Button size="small" onClick={() => setDialog('unmark')}>
              {t('casework.major.unmark')}
            </Button>
          )}
          {major === true && (
            <Button size="small" type="primary" onClick={() => setDialog('discussion')}>
              {t('casework.discussions.add')}
            </Button>
          )}
        </Flex>
      </Flex>
      <div style={{ marginTop: 8, marginBottom: 16 }}>
        {flag.isError ? (
          <ErrorState compact error={flag.error} onRetry={() => void flag.refetch()} />
        ) : flag.data ? (
          <MajorFlagSummary flag={flag.data} />
        ) : (
          <Typography.Text type="secondary">…</Typography.Text>
        )}
      </div>
      <Typography.Title level={5}>{t('casework.discussions.title')}</Typography.Title>
      <DiscussionsSection id={application.id} />
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
