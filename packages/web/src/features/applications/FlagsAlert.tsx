import { Alert, Flex } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '../../api';
import { Citation } from '../rules/Citation';
import { itemName } from './labels';
import { useApplicationReference } from './useApplicationData';

/**
 * Review flags, prominent above the file: a repeat or previously withdrawn application on the same
 * matter (BJR art.22–23), a forwarded application that arrived late (LAL art.39).
 */
export function FlagsAlert({ application }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const reference = useApplicationReference();
  const names = new Map((reference.data?.reviewFlags ?? []).map((f) => [f.code, itemName(f, i18n.language)]));
  const lateWithoutFlag =
    application.forwardedLate === true && !application.flags.some((f) => f.code === 'forwarded_late');
  if (application.flags.length === 0 && !lateWithoutFlag) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined aria-hidden />}
      role="alert"
      title={t('applications.detail.flagsTitle')}
      description={
        <Flex vertical gap={6}>
          {application.flags.map((f) => (
            <Flex key={`${f.code}-${f.applicationId}`} wrap gap={8} justify="space-between">
              <span>
                <strong>{names.get(f.code) ?? f.code}</strong>
                {f.applicationId !== application.id && (
                  <>
                    {' — '}
                    <Link to={`/applications/${f.applicationId}`}>
                      {t('applications.detail.flagEarlier', {
                        number: f.applicationNumber,
                        state: t(`applications.states.${f.state}`),
                      })}
                    </Link>
                  </>
                )}
              </span>
              <Citation citation={f.citation} />
            </Flex>
          ))}
          {lateWithoutFlag && (
            <Flex wrap gap={8} justify="space-between">
              <strong>{t('applications.detail.forwardedLate')}</strong>
              <Citation citation="LAL art.39" />
            </Flex>
          )}
        </Flex>
      }
    />
  );
}
