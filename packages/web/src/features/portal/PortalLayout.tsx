import { Button, Flex } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { Logo } from '../layout/Logo';
import { CITIZEN_QUERY_KEY, portalApi, setCitizenCsrf, useCitizen } from './portalApi';
import { PORTAL_NAV } from './portalNav';
import { ElderModeProvider, ElderModeSwitch } from './ElderMode';

/**
 * The public portal's frame (网上服务): a header with the citizen's sign-in state, the portal's
 * navigation, the page, and a footer. Phone first: the navigation wraps, every target is at least
 * 44 px, and the landmarks (banner, navigation, main, contentinfo) let a screen reader jump.
 */
export default function PortalLayout() {
  const { t } = useTranslation();
  const citizen = useCitizen();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signedIn = Boolean(citizen.data);

  const signOut = async () => {
    try {
      await portalApi.delete('/sessions/current');
    } finally {
      setCitizenCsrf(null);
      queryClient.setQueryData(CITIZEN_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'portal' && q.queryKey[1] !== 'me' });
      void navigate('/portal');
    }
  };

  return (
    <ElderModeProvider>
      {(elder) => (
        <div className={elder ? 'public-shell portal-shell portal-elder' : 'public-shell portal-shell'}>
          <a className="portal-skip" href="#portal-main">
            {t('portal.skipToContent')}
          </a>
          <header className="public-shell__bar">
            <Link to="/portal" className="portal-brand">
              <Logo size={28} />
              <span className="public-shell__title">{t('portal.title')}</span>
            </Link>
            <Flex align="center" gap={8} wrap>
              <ElderModeSwitch />
              <LanguageSwitch size="small" onDark />
              {signedIn ? (
                <Button
                  size="large"
                  ghost
                  icon={<LogoutOutlined aria-hidden />}
                  onClick={() => void signOut()}
                >
                  <span className="portal-bar__phone">{citizen.data?.phoneMasked}</span>
                  {t('portal.signOut')}
                </Button>
              ) : (
                <Link to="/portal/sign-in" className="portal-bar__signin">
                  <UserOutlined aria-hidden /> {t('portal.signIn')}
                </Link>
              )}
            </Flex>
          </header>
          <nav className="portal-nav" aria-label={t('portal.navLabel')}>
            <ul>
              {PORTAL_NAV.filter((item) => !item.signedIn || signedIn).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/portal'}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <main className="public-shell__main" id="portal-main" tabIndex={-1}>
            <Outlet />
          </main>
          <footer className="public-shell__footer">
            <p>{t('portal.footer')}</p>
            <Link to="/login">{t('selfTest.staffLogin')}</Link>
          </footer>
        </div>
      )}
    </ElderModeProvider>
  );
}
