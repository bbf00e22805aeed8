import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  FileDoneOutlined,
  InboxOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InfoList } from '../../components/InfoList';
import { useCan, useCurrentUser } from '../auth/session';
import { useKindName, useRoleName } from '../../hooks/useReference';
import { AlertsCard } from '../applications/AlertsCard';
import { OnTimeTile } from '../applications/OnTimeTile';
import { visibleNavItems } from './navigation';
import { WorkQueuesCard } from './WorkQueuesCard';
import { beijingNow } from '../rules/beijingTime';

type Greeting = 'morning' | 'forenoon' | 'noon' | 'afternoon' | 'evening';

function greetingOf(hour: number): Greeting {
  if (hour >= 5 && hour < 9) return 'morning';
  if (hour >= 9 && hour < 12) return 'forenoon';
  if (hour >= 12 && hour < 14) return 'noon';
  if (hour >= 14 && hour < 18) return 'afternoon';
  return 'evening';
}

interface QuickLink {
  path: string;
  icon: ReactNode;
  title: string;
  description: string;
}

function QuickLinkCard({ link }: { link: QuickLink }) {
  return (
    <Link to={link.path} className="quick-link">
      <span className="quick-link__icon" aria-hidden="true">
        {link.icon}
      </span>
      <span className="quick-link__body">
        <span className="quick-link__title">{link.title}</span>
        <span className="quick-link__desc">{link.description}</span>
      </span>
      <RightOutlined aria-hidden className="quick-link__arrow" />
    </Link>
  );
}

/** Home: a greeting, the user's work as counts (今日工作), the areas this user may open, their organisation and roles. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const roleName = useRoleName();
  const kindName = useKindName();
  const now = beijingNow();
  const kind = kindName(me.organisation.kind);

  const descriptions: Record<string, string> = {
    '/persons': can('person.manage') ? t('home.links.personsManage') : t('home.links.persons'),
    '/hotline': t('home.links.hotline'),
    '/consultations': can('consultation.manage')
      ? t('home.links.consultationsManage')
      : t('home.links.consultations'),
    '/knowledge': can('knowledge.manage') ? t('home.links.knowledgeManage') : t('home.links.knowledge'),
    '/applications/new': t('home.links.intake'),
    '/applications': t('home.links.worklist'),
    '/organisations': can('org.manage') ? t('home.links.organisationsManage') : t('home.links.organisations'),
    '/users': can('user.manage') ? t('home.links.usersManage') : t('home.links.users'),
    '/audit': t('home.links.audit'),
    '/rules': can('rules.manage') ? t('home.links.rulesManage') : t('home.links.rules'),
    '/deadlines': t('home.links.deadlines'),
    '/handlers': can('handler.manage') ? t('home.links.handlersManage') : t('home.links.handlers'),
    '/law-firms': t('home.links.lawFirms'),
    '/teams': t('home.links.teams'),
    '/assignment': t('assignment.home.batch'),
    '/my-cases': t('assignment.home.myCases'),
  };
  const areas: QuickLink[] = visibleNavItems(me.permissions, me.roles)
    .filter((item) => item.path !== '/')
    .map((item) => ({
      path: item.path,
      icon: item.icon,
      title: t(item.labelKey),
      description: descriptions[item.path] ?? '',
    }));
  const links: QuickLink[] = [
    ...areas,
    ...(can('application.read')
      ? [
          {
            path: '/applications?state=closing_submitted',
            icon: <FileDoneOutlined aria-hidden />,
            title: t('home.links.closingsTitle'),
            description: t('home.links.closings'),
          },
          {
            path: '/applications?state=archived',
            icon: <InboxOutlined aria-hidden />,
            title: t('home.links.archivedTitle'),
            description: t('home.links.archived'),
          },
        ]
      : []),
    {
      path: '/profile',
      icon: <UserOutlined aria-hidden />,
      title: t('nav.profile'),
      description: t('home.links.profile'),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" wrap gap={8}>
          <div>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t(`home.greeting.${greetingOf(now.hour())}`, { name: me.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
          </div>
          <Typography.Text type="secondary">{now.format(t('home.dateFormat'))}</Typography.Text>
        </Flex>
      </Card>
      <WorkQueuesCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card variant="borderless" title={t('home.quickLinks')} style={{ height: '100%' }}>
            {areas.length === 0 && (
              <Typography.Paragraph type="secondary">{t('home.noQuickLinks')}</Typography.Paragraph>
            )}
            <Row gutter={[12, 12]}>
              {links.map((link) => (
                <Col key={link.path} xs={24} md={12}>
                  <QuickLinkCard link={link} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {can('application.read') ? (
              <>
                <AlertsCard />
                <OnTimeTile />
              </>
            ) : (
              me.roles.includes('handler') && <AlertsCard caseLink={(id) => `/my-cases/${id}`} />
            )}
            <Card
              variant="borderless"
              title={
                <Flex gap={8}>
                  <ApartmentOutlined aria-hidden />
                  {t('home.organisation')}
                </Flex>
              }
            >
              <InfoList
                items={[
                  { key: 'name', label: t('org.name'), value: me.organisation.name },
                  ...(kind !== me.organisation.kind
                    ? [{ key: 'kind', label: t('home.organisationKind'), value: kind }]
                    : []),
                  {
                    key: 'code',
                    label: t('home.organisationCode'),
                    value: <span className="mono">{me.organisation.code}</span>,
                  },
                ]}
              />
            </Card>
            <Card
              variant="borderless"
              title={
                <Flex gap={8}>
                  <SafetyCertificateOutlined aria-hidden />
                  {t('home.myAccount')}
                </Flex>
              }
            >
              <InfoList
                items={[
                  { key: 'username', label: t('home.username'), value: me.username },
                  {
                    key: 'roles',
                    label: t('home.roles'),
                    value:
                      me.roles.length > 0 ? (
                        <Flex wrap gap={4}>
                          {me.roles.map((code) => (
                            <Tag key={code} color="blue" style={{ marginInlineEnd: 0 }}>
                              {roleName(code)}
                            </Tag>
                          ))}
                        </Flex>
                      ) : (
                        <Typography.Text type="secondary">{t('roles.none')}</Typography.Text>
                      ),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
