import { useState } from 'react';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, Objection, ObjectionStatus } from '../../api';
import { InfoList } from '../../components/InfoList';
import { useCan } from '../auth/session';
import { atBeijing } from './format';
import { ObjectionDecisionModal } from './ObjectionModals';

const STATUS_COLOURS: Record<ObjectionStatus, string> = {
  pending: 'orange',
  upheld: 'default',
  corrected: 'green',
};

/** Objections to a refusal and the justice bureau's conclusions (LAL art.49); the bureau decides pending ones here. */
export function ObjectionsTab({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const canDecide =
    useCan()('objection.decide') &&
    (application.allowedEvents.includes('objection_upheld') ||
      application.allowedEvents.includes('objection_corrected'));
  const [deciding, setDeciding] = useState<Objection | null>(null);
  if (application.objections.length === 0) return <Empty description={t('applications.objections.empty')} />;
  return (
    <Flex vertical gap={12}>
      {application.objections.map((o) => (
        <Card
          key={o.id}
          size="small"
          title={
            <Flex gap={8} align="center">
              {t(`applications.objectionAgainst.${o.against}`)}
              <Tag color={STATUS_COLOURS[o.status]}>{t(`applications.objectionStatus.${o.status}`)}</Tag>
            </Flex>
          }
          extra={
            o.status === 'pending' && canDecide ? (
              <Button type="primary" size="small" onClick={() => setDeciding(o)}>
                {t('applications.objections.decide')}
              </Button>
            ) : undefined
          }
        >
          <InfoList
            labelWidth={110}
            items={[
              { key: 'bureau', label: t('applications.objections.bureau'), value: o.bureau.name },
              { key: 'filedAt', label: t('applications.objections.filedAt'), value: atBeijing(o.filedAt) },
              {
                key: 'grounds',
                label: t('applications.objections.grounds'),
                value: <span style={{ whiteSpace: 'pre-wrap' }}>{o.grounds}</span>,
              },
              ...(o.conclusion
                ? [
                    {
                      key: 'conclusion',
                      label: t('applications.objections.conclusion'),
                      value: (
                        <Flex vertical>
                          <span style={{ whiteSpace: 'pre-wrap' }}>{o.conclusion}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('applications.objections.decidedBy', {
                              name: o.decidedBy?.displayName ?? '—',
                              date: atBeijing(o.decidedAt),
                            })}
                          </Typography.Text>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}
      <ObjectionDecisionModal
        application={application}
        objection={deciding}
        onClose={() => setDeciding(null)}
      />
    </Flex>
  );
}
