import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consultationsApi, isApiError, type ConsultationDetail, type Handover } from '../../api';
import { errorMessage, ErrorState } from '../../components/ErrorState';
import { useMatters } from '../../hooks/useMatters';
import { formatDateTime } from '../../utils';
import { useCan, useCurrentUser } from '../auth/session';
import { formatDuration, OUTCOME_COLOURS } from './codes';
import { HandoverForm } from './HandoverForm';
import { OutcomeForm } from './OutcomeForm';

interface Props {
  consultationId: string | null;
  onClose: () => void;
}

export const consultationKey = (id: string | null) => ['consultations', 'detail', id] as const;

/** One consultation: every field, its hand-overs, and (for staff who may) outcome and hand-over forms. */
export function ConsultationDrawer({ consultationId, onClose }: Props) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: consultationKey(consultationId),
    queryFn: ({ signal }) => consultationsApi.get(consultationId ?? '', signal),
    enabled: consultationId !== null,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  return (
    <Drawer
      open={consultationId !== null}
      onClose={onClose}
      size={720}
      title={t('consultations.detailTitle')}
      destroyOnHidden
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError ? (
        <ErrorState
          compact
          error={detail.error}
          title={
            isApiError(detail.error) && detail.error.status === 404 ? t('consultations.notFound') : undefined
          }
          onRetry={() => void detail.refetch()}
        />
      ) : (
        <ConsultationDetails key={detail.data.id} consultation={detail.data} />
      )}
    </Drawer>
  );
}

/**
 * The intake form, prefilled from the consultation: its person (the caller, registered from the
 * call's name and phone when not linked yet), and the channel 电话 for a hotline call.
 */
function intakeLink(c: ConsultationDetail, personId: string | undefined): string {
  const query = new URLSearchParams({ consultationId: c.id, matter: c.topicMatter, facts: c.question });
  if (personId) query.set('applicantId', personId);
  if (c.channel === 'hotline_12348') query.set('channel', 'phone');
  return `/applications/new?${query.toString()}`;
}

/**
 * 转为法律援助申请: a named caller becomes the applicant first (on the server, so the phone never
 * reaches the browser in full); an anonymous one is registered on the intake form.
 */
function ConvertButton({ consultation: c }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const convert = useMutation({
    mutationFn: async () =>
      c.person || !c.callerName ? c.person?.id : (await consultationsApi.callerPerson(c.id)).personId,
    onSuccess: async (personId) => {
      await queryClient.invalidateQueries({ queryKey: consultationKey(c.id) });
      void navigate(intakeLink(c, personId));
    },
  });
  return (
    <Flex vertical gap={8} align="flex-start">
      <Button type="primary" loading={convert.isPending} onClick={() => convert.mutate()}>
        {t('consultations.convertToApplication')}
      </Button>
      {convert.error !== null && (
        <Alert type="error" showIcon role="alert" title={errorMessage(convert.error, t('errors.network'))} />
      )}
    </Flex>
  );
}

function ConsultationDetails({ consultation: c }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const matters = useMatters();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const text = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : none);
  const manages = can('consultation.manage');
  // First-inquiry responsibility: only the owner or a director hands over.
  const mayHandOver = manages && (c.owner.id === me.id || me.roles.includes('director'));

  return (
    <Flex vertical gap={24}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140 } }}
        items={[
          ...(c.number
            ? [
                {
                  key: 'number',
                  label: t('consultations.number'),
                  children: (
                    <span className="mono" data-testid="consultation-number">
                      {c.number}
                    </span>
                  ),
                },
              ]
            : []),
          { key: 'startedAt', label: t('consultations.startedAt'), children: formatDateTime(c.startedAt) },
          {
            key: 'channel',
            label: t('consultations.channel'),
            children: t(`consultations.channels.${c.channel}`),
          },
          {
            key: 'caller',
            label: t('consultations.caller'),
            children: (
              <Flex vertical gap={2}>
                <span>
                  {c.person
                    ? t('consultations.linkedPerson', { name: c.person.name })
                    : (c.callerName ?? t('consultations.anonymous'))}
                </span>
                {c.callerPhoneMasked && <span className="mono">{c.callerPhoneMasked}</span>}
              </Flex>
            ),
          },
          { key: 'topic', label: t('consultations.topic'), children: matters.name(c.topicMatter) },
          { key: 'question', label: t('consultations.question'), children: text(c.question) },
          { key: 'answer', label: t('consultations.answer'), children: text(c.answer) },
          {
            key: 'outcome',
            label: t('consultations.outcome'),
            children: (
              <Flex gap={8} align="baseline" wrap>
                <Tag color={OUTCOME_COLOURS[c.outcome]}>{t(`consultations.outcomes.${c.outcome}`)}</Tag>
                {c.referredTo && <span>{t('consultations.referredToValue', { where: c.referredTo })}</span>}
                {c.applicationId &&
                  (can('application.read') ? (
                    <Link to={`/applications/${c.applicationId}`} data-testid="application-number">
                      {t('consultations.applicationNumber', {
                        number: c.applicationNumber ?? t('consultations.openApplication'),
                      })}
                    </Link>
                  ) : (
                    c.applicationNumber && (
                      <span data-testid="application-number">
                        {t('consultations.applicationNumber', { number: c.applicationNumber })}
                      </span>
                    )
                  ))}
              </Flex>
            ),
          },
          { key: 'followUpOn', label: t('consultations.followUpOn'), children: c.followUpOn ?? none },
          {
            key: 'duration',
            label: t('consultations.duration'),
            children: c.durationSeconds === null ? none : formatDuration(c.durationSeconds),
          },
          { key: 'staff', label: t('consultations.staff'), children: c.staff.displayName },
          { key: 'owner', label: t('consultations.owner'), children: c.owner.displayName },
          { key: 'updatedAt', label: t('consultations.updatedAt'), children: formatDateTime(c.updatedAt) },
        ]}
      />
      {!c.applicationId && can('application.manage') && <ConvertButton consultation={c} />}
      <div>
        <Typography.Title level={5}>{t('consultations.handovers')}</Typography.Title>
        <Table<Handover>
          size="small"
          rowKey={(h) => `${h.at}|${h.to.id}`}
          pagination={false}
          dataSource={c.handovers}
          locale={{ emptyText: t('consultations.noHandovers') }}
          columns={[
            {
              title: t('consultations.handoverAt'),
              dataIndex: 'at',
              key: 'at',
              render: (v: string) => formatDateTime(v),
            },
            { title: t('consultations.handoverFrom'), key: 'from', render: (_, h) => h.from.displayName },
            { title: t('consultations.handoverTo'), key: 'to', render: (_, h) => h.to.displayName },
            { title: t('consultations.handoverBy'), key: 'by', render: (_, h) => h.by.displayName },
            { title: t('consultations.handoverReason'), dataIndex: 'reason', key: 'reason' },
          ]}
        />
      </div>
      {manages && <OutcomeForm consultation={c} />}
      {mayHandOver && <HandoverForm consultation={c} />}
    </Flex>
  );
}
