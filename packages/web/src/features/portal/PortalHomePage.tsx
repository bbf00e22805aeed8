import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PORTAL_NAV } from './portalNav';
import { useCitizen } from './portalApi';

/** 网上服务 home: what a citizen can do here, one large tile per service, and the 12348 hotline. */
export default function PortalHomePage() {
  const { t } = useTranslation();
  const citizen = useCitizen();
  const services = PORTAL_NAV.filter((item) => item.to !== '/portal' && (!item.signedIn || citizen.data));
  return (
    <>
      <Typography.Title level={1} className="public-shell__heading">
        {t('portal.home.title')}
      </Typography.Title>
      <Typography.Paragraph className="public-shell__intro">{t('portal.home.intro')}</Typography.Paragraph>
      <ul className="portal-tiles">
        {services.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="portal-tile">
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
        {!citizen.data && (
          <li>
            <Link to="/portal/sign-in" className="portal-tile portal-tile--primary">
              {t('portal.home.signInTile')}
            </Link>
          </li>
        )}
      </ul>
      <Card variant="borderless" className="portal-hotline">
        <Typography.Paragraph>
          {t('portal.home.hotline')} <a href="tel:12348">12348</a>
        </Typography.Paragraph>
      </Card>
    </>
  );
}
