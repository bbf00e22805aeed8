import { App, Button, Card, Col, Divider, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Permission } from '../../api';
import { InfoList } from '../../components/InfoList';
import { PageHeader } from '../../components/PageHeader';
import { useRoleName } from '../../hooks/useReference';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { useCurrentUser } from '../auth/session';
import { useLogout } from '../auth/useLogout';
import { NotificationSettingsCard } from './NotificationSettingsCard';

const PERMISSION_KEYS = {
  'org.read': 'permissions.org_read',
  'org.manage': 'permissions.org_manage',
  'user.read': 'permissions.user_read',
  'user.manage': 'permissions.user_manage',
  'audit.read': 'permissions.audit_read',
  'rules.manage': 'permissions.rules_manage',
  'person.read': 'permissions.person_read',
  'person.manage': 'permissions.person_manage',
  'person.unmask': 'permissions.person_unmask',
  'consultation.read': 'permissions.consultation_read',
  'consultation.manage': 'permissions.consultation_manage',
  'application.read': 'permissions.application_read',
  'application.manage': 'permissions.application_manage',
  'application.decide': 'permissions.application_decide',
  'application.approve': 'permissions.application_approve',
  'objection.decide': 'permissions.objection_decide',
  'knowledge.read': 'permissions.knowledge_read',
  'knowledge.manage': 'permissions.knowledge_manage',
  'handler.read': 'permissions.handler_read',
  'handler.manage': 'permissions.handler_manage',
  'quality.evaluate': 'permissions.quality_evaluate',
  'subsidy.read': 'permissions.subsidy_read',
  'subsidy.pay': 'permissions.subsidy_pay',
  'subsidy.approve': 'permissions.subsidy_approve',
  'partner.manage': 'permissions.partner_manage',
  'message.read': 'permissions.message_read',
  'duty.manage': 'permissions.duty_manage',
  'duty.serve': 'permissions.duty_serve',
  'complaint.read': 'permissions.complaint_read',
  'complaint.record': 'permissions.complaint_record',
  'complaint.handle': 'permissions.complaint_handle',
  'complaint.review': 'permissions.complaint_review',
  'quality.visit': 'permissions.quality_visit',
  'quality.sample': 'permissions.quality_sample',
  'quality.inspect': 'permissions.quality_inspect',
  'quality.observe': 'permissions.quality_observe',
  'quality.kpi': 'permissions.quality_kpi',
  'quality.opinion': 'permissions.quality_opinion',
  'funding.waiver': 'permissions.funding_waiver',
  'funding.read': 'permissions.funding_read',
  'funding.manage': 'permissions.funding_manage',
} as const satisfies Record<Permission, string>;

function isKnownPermission(p: string): p is Permission {
  return p in PERMISSION_KEYS;
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const roleName = useRoleName();
  const location = useLocation();
  const logoutAll = useLogout(true);
  const focusPassword = location.hash === '#password';
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t('profile.basicInfo')} style={{ height: '100%' }}>
            <InfoList
              labelWidth={110}
              items={[
                {
                  key: 'username',
                  label: t('users.username'),
                  value: <span className="mono">{me.username}</span>,
                },
                { key: 'displayName', label: t('users.displayName'), value: me.displayName },
                { key: 'org', label: t('users.organisation'), value: me.organisation.name },
                { key: 'orgCode', label: t('home.organisationCode'), value: me.organisation.code },
                {
                  key: 'roles',
                  label: t('users.roles'),
                  value: me.roles.length ? (
                    <Flex wrap gap={4}>
                      {me.roles.map((r) => (
                        <Tag key={r} color="blue">
                          {roleName(r)}
                        </Tag>
                      ))}
                    </Flex>
                  ) : (
                    t('roles.none')
                  ),
                },
                {
                  key: 'permissions',
                  label: t('profile.permissions'),
                  value: me.permissions.length ? (
                    <Flex wrap gap={4}>
                      {me.permissions.map((p) => (
                        <Tag key={p}>{isKnownPermission(p) ? t(PERMISSION_KEYS[p]) : p}</Tag>
                      ))}
                    </Flex>
                  ) : (
                    none
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t('profile.security')} id="password">
            <Typography.Paragraph type="secondary">{t('profile.securityDesc')}</Typography.Paragraph>
            <ChangePasswordForm
              key={focusPassword ? location.key : 'profile'}
              formName="profilePassword"
              username={me.username}
              autoFocus={focusPassword}
              onChanged={() => void message.success(t('auth.passwordChanged'))}
            />
            <Divider />
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('profile.sessions')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('profile.sessionsDesc')}</Typography.Paragraph>
            <Popconfirm
              title={t('auth.logoutAllConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => logoutAll.mutate()}
            >
              <Button danger icon={<LogoutOutlined aria-hidden />} loading={logoutAll.isPending}>
                {t('auth.logoutAll')}
              </Button>
            </Popconfirm>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <NotificationSettingsCard />
        </Col>
      </Row>
    </>
  );
}
