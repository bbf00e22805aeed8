import { Button, Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoading } from '../../../components/PageLoading';
import { useOwnApplications } from './portalApplications';

/** 我的申请: every application the citizen filed on the portal, newest first. */
export default function PortalApplicationsPage() {
  const { t } = useTranslation();
  const list = useOwnApplications();
  return (
    <>
      <Typography.Title level={1} className="public-shell__heading">
        {t('portalApply.mine')}
      </Typography.Title>
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('portalApply.none')}>
          <Link to="/portal/apply" className="portal-bar__cta">
            {t('portalApply.title')}
          </Link>
        </Empty>
      ) : (
        <ul className="portal-cards">
          {list.data.items.map((a) => (
            <li key={a.id}>
              <Card variant="borderless">
                <Typography.Title level={2} className="portal-card__title">
                  {a.matterName}
                </Typography.Title>
                <p>
                  <Tag color="blue">{a.stateLabel}</Tag>
                </p>
                <p>{t('portalApply.receipt', { number: a.receiptNumber })}</p>
                {a.dueDate && <p>{t('portalApply.dueDate', { date: a.dueDate })}</p>}
                <Link to={`/portal/applications/${a.id}`}>
                  <Button size="large" block>
                    {t('portalApply.open', { number: a.receiptNumber })}
                  </Button>
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
