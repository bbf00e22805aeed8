import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { ApartmentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';
import { useRoleName } from '../../hooks/useReference';

/** Dashboard: who is signed in, in which organisation, with which roles. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const roleName = useRoleName();

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" className="welcome-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            variant="borderless"
            title={
              <Flex gap={8}>
                <ApartmentOutlined />
                {t('home.organisation')}
              </Flex>
            }
            style={{ height: '100%' }}
          >
            <Descriptions
              column={1}
              items={[
                { key: 'name', label: t('org.name'), children: me.organisation.name },
                { key: 'code', label: t('home.organisationCode'), children: me.organisation.code },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            variant="borderless"
            title={
              <Flex gap={8}>
                <SafetyCertificateOutlined />
                {t('home.myAccount')}
              </Flex>
            }
            style={{ height: '100%' }}
          >
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('home.username'), children: me.username },
                {
                  key: 'roles',
                  label: t('home.roles'),
                  children:
                    me.roles.length > 0 ? (
                      <Flex wrap gap={4}>
                        {me.roles.map((code) => (
                          <Tag key={code} color="blue">
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
        </Col>
      </Row>
    </Flex>
  );
}
