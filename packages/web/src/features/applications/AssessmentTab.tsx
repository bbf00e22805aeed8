import { Alert, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationAssessment } from '../../api';
import zhCN from '../../i18n/zh-CN';
import { AppliedRules } from '../rules/AppliedRules';
import { Citation } from '../rules/Citation';
import { formatFen } from './labels';

const STATUSES = new Set(Object.keys(zhCN.applications.assessment.hardshipStatus));
type HardshipStatus = keyof typeof zhCN.applications.assessment.hardshipStatus;

function Citations({ citations }: { citations: string[] }) {
  return (
    <Flex wrap gap={12}>
      {citations.map((c) => (
        <Citation key={c} citation={c} />
      ))}
    </Flex>
  );
}

/**
 * The eligibility assessment stored at intake: scope, hardship, reasons with citations, what would
 * change the result, and the rule version it was made with (so a later rule change does not rewrite it).
 */
export function AssessmentTab({ assessment: a }: { assessment: ApplicationAssessment }) {
  const { t, i18n } = useTranslation();
  const status = STATUSES.has(a.hardship.status)
    ? t(`applications.assessment.hardshipStatus.${a.hardship.status as HardshipStatus}`)
    : a.hardship.status;
  return (
    <Flex vertical gap={16}>
      <Alert
        type={a.eligible ? 'success' : 'warning'}
        showIcon
        title={a.eligible ? t('applications.assessment.eligible') : t('applications.assessment.notEligible')}
        description={t('applications.assessment.note')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('applications.assessment.scope')}>
            <Flex vertical gap={8}>
              <Tag color={a.scope.inScope ? 'green' : 'red'} style={{ alignSelf: 'start' }}>
                {a.scope.inScope
                  ? t('applications.assessment.inScope')
                  : t('applications.assessment.outOfScope')}
              </Tag>
              <Citations citations={a.scope.citations} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('applications.assessment.hardship')}>
            <Flex vertical gap={8}>
              <Tag style={{ alignSelf: 'start' }}>{status}</Tag>
              {a.hardship.perCapitaMonthlyIncomeFen !== null && a.hardship.thresholdFen !== null && (
                <Typography.Text>
                  {t('applications.assessment.perCapita', {
                    amount: formatFen(a.hardship.perCapitaMonthlyIncomeFen, i18n.language),
                    threshold: formatFen(a.hardship.thresholdFen, i18n.language),
                  })}
                </Typography.Text>
              )}
              <Citations citations={a.hardship.citations} />
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('applications.assessment.reasons')}>
        <List
          size="small"
          dataSource={a.reasons}
          renderItem={(r) => (
            <List.Item extra={<Citation citation={r.citation} />}>
              <span>{r.message}</span>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('applications.assessment.whatWouldChange')}>
        {a.whatWouldChange.length === 0 ? (
          <Typography.Text type="secondary">{t('applications.assessment.noChange')}</Typography.Text>
        ) : (
          <ul className="change-list">
            {a.whatWouldChange.map((c) => (
              <li key={c.code}>{c.message}</li>
            ))}
          </ul>
        )}
      </Card>
      {a.rulesApplied.length > 0 && <AppliedRules ids={a.rulesApplied} fingerprint={a.ruleVersion} />}
    </Flex>
  );
}
