import { Suspense, useEffect, useState } from 'react';
import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { PageLoading } from '../../components/PageLoading';
import { useCurrentUser } from '../auth/session';
import { Logo } from './Logo';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import { GlobalSearch } from './GlobalSearch';
import { navKeyOf, visibleNavItems } from './navigation';
import { preloadPages } from '../../pages';

const { Sider, Header, Content, Footer } = Layout;

export default function MainLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // Have every page this user may open (and the login page, for logout) ready before it is needed.
  useEffect(() => {
    preloadPages([...visibleNavItems(me.permissions, me.roles).map((item) => item.page), 'profile', 'login']);
  }, [me.permissions, me.roles]);
  const items = visibleNavItems(me.permissions, me.roles).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <Link to={item.path}>{t(item.labelKey)}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={220}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        trigger={null}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to="/" className="app-brand" aria-label={t('app.title')}>
          <Logo size={30} />
          {!collapsed && <span className="app-brand__title">{t('app.brand')}</span>}
        </Link>
        <Menu theme="dark" mode="inline" selectedKeys={[navKeyOf(location.pathname)]} items={items} />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Flex align="center" gap={8}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            />
            <Typography.Text type="secondary" className="app-header__subtitle">
              {t('app.subtitle')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={16}>
            <GlobalSearch />
            <LanguageSwitch size="small" />
            <NotificationBell />
            <UserMenu />
          </Flex>
        </Header>
        <Content className="app-content">
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
        <Footer className="app-footer">{t('app.footer')}</Footer>
      </Layout>
    </Layout>
  );
}
