import { Alert, Card, Flex, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { yuan } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { eligibilityApi, type Assessment } from '../../api';
import { Citation } from '../rules/Citation';
import { BEIJING } from '../rules/labels';
import { ProvisionalTag } from '../rules/ProvisionalTag';

interface Props {
  assessment: Assessment;
  matterName: string;
  applicationDate: string;
}

/** The answer in plain words: the verdict, each reason with its legal basis, the line, what would change it. */
export function SelfTestResult({ assessment, matterName, applicationDate }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { eligible, hardship } = assessment;

  return (
    <Card variant="borderless" className="selftest-result" title={t('selfTest.resultTitle')}>
      <div
        className={`verdict ${eligible ? 'verdict--yes' : 'verdict--no'}`}
        role="status"
        data-testid="selftest-verdict"
      >
        {eligible ? (
          <CheckCircleFilled aria-hidden className="verdict__icon" />
        ) : (
          <ExclamationCircleFilled aria-hidden className="verdict__icon" />
        )}
        <div>
          <div className="verdict__title">
            {eligible ? t('selfTest.eligible') : t('selfTest.notEligible')}
          </div>
          <div className="verdict__matter">{matterName}</div>
        </div>
      </div>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {eligible ? t('selfTest.eligibleHint') : t('selfTest.notEligibleHint')}
      </Typography.Paragraph>
      {eligible && <ReviewDue applicationDate={applicationDate} />}

      <Typography.Title level={5}>{t('selfTest.reasons')}</Typography.Title>
      <ol className="reason-list">
        {assessment.reasons.map((reason) => (
          <li key={`${reason.code}-${reason.citation}`} className="reason-list__item">
            <span className="reason-list__text">{reason.message}</span>
            <span className="reason-list__basis" aria-label={t('selfTest.basis')}>
              <Citation citation={reason.citation} />
            </span>
          </li>
        ))}
      </ol>

      <Typography.Title level={5}>{t('selfTest.threshold')}</Typography.Title>
      {hardship.thresholdFen !== null ? (
        <Flex vertical gap={4} className="selftest-line">
          <span className="selftest-line__amount">
            {t('selfTest.thresholdValue', { amount: yuan(hardship.thresholdFen, locale) })}
          </span>
          {hardship.perCapitaMonthlyIncomeFen !== null && (
            <Typography.Text type="secondary">
              {t('selfTest.perCapita', { amount: yuan(hardship.perCapitaMonthlyIncomeFen, locale) })}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        <Typography.Paragraph type="secondary">{t('selfTest.thresholdNotUsed')}</Typography.Paragraph>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('selfTest.whatWouldChange')}
      </Typography.Title>
      {assessment.whatWouldChange.length > 0 ? (
        <ul className="change-list">
          {assessment.whatWouldChange.map((change) => (
            <li key={change.code}>{change.message}</li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">
          {assessment.scope.inScope ? t('selfTest.noChange') : t('selfTest.outOfScopeChange')}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('selfTest.ruleVersion', { date: applicationDate })}
      </Typography.Text>
    </Card>
  );
}

/**
 * When the centre must decide on an application made that day (the review period in force, on the
 * holiday calendar), flagged provisional when it relies on a year whose notice is not out yet.
 */
function ReviewDue({ applicationDate }: { applicationDate: string }) {
  const { t } = useTranslation();
  const due = useQuery({
    queryKey: ['selftest', 'review-due', applicationDate],
    queryFn: () =>
      eligibilityApi.deadline({
        kind: 'review_decision',
        start: `${applicationDate}T09:00:00+08:00`,
        jurisdiction: BEIJING,
      }),
    staleTime: 60 * 60_000,
  });
  if (!due.data) return null;
  const years = due.data.warnings.find((w) => w.code === 'CALENDAR_PROVISIONAL')?.years ?? [];
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="selftest-review-due">
      <Typography.Text>
        {t('selfTest.reviewDue', {
          date: applicationDate,
          due: due.data.dueDate,
          // Day names of a calendar date (Beijing's, from the API), not the browser's clock.
          weekday: dayjs(due.data.dueDate).format('dddd'),
        })}{' '}
        {due.data.provisional && <ProvisionalTag years={years} />}
      </Typography.Text>
      {due.data.provisional && <Alert type="warning" showIcon title={t('selfTest.reviewDueProvisional')} />}
    </Flex>
  );
}
