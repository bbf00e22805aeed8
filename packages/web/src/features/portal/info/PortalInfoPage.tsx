import { useMemo, useState } from 'react';
import { Card, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatCitation } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { beijingToday } from '../../rules/beijingTime';
import { BEIJING, localName } from '../../rules/labels';
import { mostLocal, useRuleRows } from '../../rules/useRules';
import { portalApi } from '../portalApi';

interface ServicePoint {
  name: string;
  kind: string;
  kindName: string;
  regionCode: string | null;
  address: string | null;
  phone: string | null;
  officeHours: string | null;
  mapUrl: string | null;
}

/** The periods a citizen is promised, in the order they meet them (rule table `period`). */
const COMMITMENTS = [
  'review_decision',
  'review_decision_bjr',
  'assignment',
  'objection_filing',
  'objection_review',
];
const CHAIN = ['000000', BEIJING];

/**
 * 援务公开: where to go, what is covered and the hardship line, what the centre promises and by
 * when, and how to complain — all read from the organisation and rule data in force today.
 */
export default function PortalInfoPage() {
  const { t, i18n } = useTranslation();
  const [today] = useState(beijingToday);
  const [region, setRegion] = useState<string>();
  const points = useQuery({
    queryKey: ['portal', 'service-points'],
    queryFn: () => portalApi.get<{ items: ServicePoint[] }>('/service-points'),
  });
  const matters = useRuleRows('matter', BEIJING, today);
  const thresholds = useRuleRows('threshold', BEIJING, today);
  const periods = useRuleRows('period', BEIJING, today);
  const centres = (points.data?.items ?? []).filter((p) => p.kind.endsWith('_centre'));
  const shown = (points.data?.items ?? []).filter((p) => !region || p.regionCode === region);
  const line = mostLocal(thresholds.data ?? [], CHAIN)[0];
  const lineYuan = line
    ? Number((line.data as { monthlyIncomePerMemberFen?: number }).monthlyIncomePerMemberFen ?? 0) / 100
    : null;
  const promised = useMemo(
    () =>
      mostLocal(periods.data ?? [], CHAIN)
        .filter((row) => COMMITMENTS.includes(row.key))
        .sort((a, b) => COMMITMENTS.indexOf(a.key) - COMMITMENTS.indexOf(b.key)),
    [periods.data],
  );
  const cite = (citation: string) => formatCitation(citation, i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
  const unit = (u: unknown) => (u === 'working_days' ? t('portalInfo.workingDays') : t('portalInfo.days'));

  return (
    <>
      <Typography.Title level={1} className="public-shell__heading">
        {t('portalInfo.title')}
      </Typography.Title>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalInfo.points')}</Typography.Title>
        <div className="portal-field">
          <label htmlFor="info-region">{t('portalInfo.district')}</label>
          <Select
            id="info-region"
            size="large"
            allowClear
            style={{ width: '100%' }}
            value={region}
            onChange={setRegion}
            options={centres.map((c) => ({ value: c.regionCode ?? '', label: c.name }))}
          />
        </div>
        <ul className="portal-cards">
          {shown.slice(0, region ? 200 : 40).map((p) => (
            <li key={`${p.kind}-${p.name}`} className="portal-booking">
              <p>
                <strong>{p.name}</strong> · {p.kindName}
              </p>
              {p.address && <p>{t('portalInfo.address', { address: p.address })}</p>}
              {p.officeHours && <p>{t('portalInfo.hours', { hours: p.officeHours })}</p>}
              <p>
                {p.phone && <a href={`tel:${p.phone}`}>{t('portalInfo.call', { phone: p.phone })}</a>}{' '}
                {p.mapUrl && (
                  <a href={p.mapUrl} target="_blank" rel="noreferrer">
                    {t('portalInfo.map')}
                  </a>
                )}
              </p>
            </li>
          ))}
        </ul>
      </Card>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalInfo.matters')}</Typography.Title>
        {lineYuan !== null && line && (
          <p>
            {t('portalInfo.line', {
              amount: lineYuan.toFixed(0),
              from: line.effectiveFrom,
              citation: line.citation,
            })}
          </p>
        )}
        <ul className="portal-timeline">
          {mostLocal(matters.data ?? [], CHAIN).map((row) => (
            <li key={row.key}>{localName(row.data, i18n.language)}</li>
          ))}
        </ul>
        <Link to="/self-test">{t('portalInfo.selfTest')}</Link>
      </Card>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalInfo.commitments')}</Typography.Title>
        <ul className="portal-timeline">
          {promised.map((row) => {
            const data = row.data as { amount?: number; unit?: string };
            return (
              <li key={row.key}>
                {localName(row.data, i18n.language)}：{data.amount} {unit(data.unit)}（{cite(row.citation)}）
              </li>
            );
          })}
        </ul>
      </Card>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalInfo.complain')}</Typography.Title>
        <p>{t('portalInfo.complainText')}</p>
        <p>
          <Link to="/portal/complaints">{t('portalInfo.complainOnline')}</Link> ·{' '}
          <a href="tel:12348">12348</a>
        </p>
      </Card>
    </>
  );
}
