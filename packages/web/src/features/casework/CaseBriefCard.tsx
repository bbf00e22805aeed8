import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { FilePdfOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { caseBriefApi, type ApplicationClock, type CaseBrief } from '../../api';
import { Countdown } from '../applications/Countdown';
import { atBeijing } from '../applications/format';

/** A brief's deadline in the shape the live countdown reads (a running or paused clock). */
const asClock = (d: CaseBrief['deadlines'][number]): ApplicationClock => ({
  id: d.period,
  period: d.period,
  status: d.status,
  startedAt: d.startedAt,
  dueAt: d.dueAt,
  citation: '',
  stoppedAt: null,
  onTime: null,
  provisional: d.provisionalYears.length > 0,
  provisionalYears: d.provisionalYears,
  dueHistory: [],
});

/** 案件概要: who the client is and how to reach them, the other side, the handling body, the charges and custody. */
function Parties({ brief: b }: { brief: CaseBrief }) {
  const { t, i18n } = useTranslation();
  const n = b.criminalNotice;
  const items = [
    {
      key: 'role',
      label: t('casework.brief.handlerRole'),
      children: i18n.language === 'en-US' ? b.handlerRole.en : b.handlerRole.zh,
    },
    {
      key: 'client',
      label: t('casework.brief.client'),
      children: (
        <Flex wrap gap={8} align="center">
          <span>{b.client.name}</span>
          {b.client.phone ? (
            <a href={`tel:${b.client.phone}`}>
              <PhoneOutlined aria-hidden /> {b.client.phone}
            </a>
          ) : b.client.phoneMasked && !b.assignment ? (
            <span className="mono">
              <PhoneOutlined aria-hidden /> {b.client.phoneMasked}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('casework.brief.phoneAfterAccepting')}</Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(b.opposingParty
      ? [{ key: 'opposing', label: t('casework.brief.opposingParty'), children: b.opposingParty }]
      : []),
    ...(b.courtOrAuthority
      ? [{ key: 'court', label: t('casework.brief.courtOrAuthority'), children: b.courtOrAuthority }]
      : []),
    ...(n
      ? [
          {
            key: 'institution',
            label: t('applications.notice.institution'),
            children: `${t(`applications.notice.institutionKinds.${n.institutionKind}`)} · ${n.institutionName}${n.noticeNumber ? ` · ${n.noticeNumber}` : ''}`,
          },
          {
            key: 'stage',
            label: t('applications.notice.stage'),
            children: t(
              `applications.notice.stages.${n.stage}` as 'applications.notice.stages.investigation',
              {
                defaultValue: n.stage,
              },
            ),
          },
          {
            key: 'charges',
            label: t('applications.notice.charges'),
            children: n.charges.map((c) => <Tag key={c}>{c}</Tag>),
          },
          {
            key: 'detained',
            label: t('applications.notice.detained'),
            children: n.detained
              ? t('applications.notice.detainedAt', { place: n.detentionPlace ?? '—' })
              : t('applications.notice.notDetained'),
          },
        ]
      : []),
    { key: 'facts', label: t('casework.brief.facts'), children: b.facts || '—' },
    ...(b.requestedHelp
      ? [{ key: 'help', label: t('casework.brief.requestedHelp'), children: b.requestedHelp }]
      : []),
    { key: 'centre', label: t('casework.brief.centre'), children: b.centre },
  ];
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: 150 } }} items={items} />;
}

/** The deadlines running on the case (the agreement's 5 days first among the handler's), live. */
function Deadlines({ brief }: { brief: CaseBrief }) {
  const { t } = useTranslation();
  if (brief.deadlines.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('casework.brief.noDeadlines')} />;
  return (
    <Flex vertical gap={12}>
      {brief.deadlines.map((d) => (
        <Countdown key={d.period} clock={asClock(d)} showPeriod />
      ))}
    </Flex>
  );
}

/** The letters the handler presents and the decisions behind the case, each as PDF. */
function Documents({ brief }: { brief: CaseBrief }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={brief.documents}
      locale={{ emptyText: t('applications.documentsTab.empty') }}
      renderItem={(d) => (
        <List.Item
          actions={[
            <a
              key="open"
              href={caseBriefApi.documentPdfUrl(brief.id, d.id)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${t('applications.documentsTab.open')} ${t(`applications.documents.${d.kind}`)}`}
            >
              <FilePdfOutlined aria-hidden /> {t('applications.documentsTab.open')}
            </a>,
          ]}
        >
          <List.Item.Meta
            title={t(`applications.documents.${d.kind}`)}
            description={
              <>
                <span className="mono">{d.number}</span> · {atBeijing(d.issuedAt)}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The handler's view of the case file: parties, deadlines and documents, side by side on a wide screen. */
export function CaseBriefCards({ brief }: { brief: CaseBrief }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={16} align="flex-start">
      <Card
        variant="borderless"
        title={t('casework.brief.title')}
        style={{ flex: '2 1 420px' }}
        data-testid="case-brief"
      >
        <Parties brief={brief} />
      </Card>
      <Flex vertical gap={16} style={{ flex: '1 1 300px' }}>
        <Card variant="borderless" title={t('casework.brief.deadlines')} data-testid="case-deadlines">
          <Deadlines brief={brief} />
        </Card>
        <Card variant="borderless" title={t('casework.brief.documents')} data-testid="case-documents">
          <Documents brief={brief} />
        </Card>
      </Flex>
    </Flex>
  );
}
