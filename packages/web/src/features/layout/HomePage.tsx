import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { ApartmentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { InfoList } from '../../components/InfoList';
import { useCurrentUser } from '../auth/session';
import { useRoleName } from '../../hooks/useReference';

/** Dashboard: who is signed in, in which organisation, with which roles. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const roleName = useRoleName();

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            variant="borderless"
            style={{ height: '100%' }}
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
                { key: 'code', label: t('home.organisationCode'), value: me.organisation.code },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            variant="borderless"
            style={{ height: '100%' }}
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
