import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriminalNotice } from '../../api';
import { formatDateTime } from '../../utils';
import { Citation } from '../rules/Citation';

/** 通知信息: who notified the centre, at what stage, on what ground (LAL art.25, art.28), about whom. */
export function CriminalNoticeTab({ notice: n }: { notice: CriminalNotice }) {
  const { t } = useTranslation();
  const ground = t(`applications.notice.grounds.${n.ground}` as 'applications.notice.grounds.minor', {
    defaultValue: n.ground,
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 180 } }}
      items={[
        {
          key: 'institution',
          label: t('applications.notice.institution'),
          children: `${t(`applications.notice.institutionKinds.${n.institutionKind}`)} · ${n.institutionName}`,
        },
        { key: 'number', label: t('applications.notice.noticeNumber'), children: n.noticeNumber ?? '—' },
        {
          key: 'stage',
          label: t('applications.notice.stage'),
          children: t(`applications.notice.stages.${n.stage}`),
        },
        {
          key: 'ground',
          label: t('applications.notice.ground'),
          children: (
            <>
              {ground} <Citation citation={n.groundCitation} />
            </>
          ),
        },
        {
          key: 'charges',
          label: t('applications.notice.charges'),
          children: n.charges.map((c) => <Tag key={c}>{c}</Tag>),
        },
        { key: 'defendant', label: t('applications.notice.defendant'), children: n.defendant.name },
        {
          key: 'detained',
          label: t('applications.notice.detained'),
          children: n.detained
            ? t('applications.notice.detainedAt', { place: n.detentionPlace ?? '—' })
            : t('applications.notice.notDetained'),
        },
        {
          key: 'court',
          label: t('applications.notice.courtDistrict'),
          children: n.courtDistrict?.name ?? '—',
        },
        {
          key: 'received',
          label: t('applications.notice.receivedAt'),
          children: formatDateTime(n.noticeReceivedAt),
        },
        {
          key: 'source',
          label: t('applications.notice.source'),
          children: t(`applications.notice.sources.${n.source}`),
        },
      ]}
    />
  );
}
