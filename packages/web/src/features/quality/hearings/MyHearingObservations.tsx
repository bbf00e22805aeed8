import { App, Flex, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { beijingDateTime } from '../../rules/beijingTime';
import { HandlerAsksCard, TextSubmit } from '../TextSubmit';
import { observationColor } from './observationColor';
import { ScoreSheetTable } from './ObservationDrawer';
import { hearingKeys, hearingsApi, type ObservationDetail } from './hearingsApi';

/**
 * 庭审旁听意见 on 我的案件: the observations of the handler's own hearings, each with the score
 * sheet, the findings and, while awaiting a reply, a reply form. Shows nothing when there is none.
 */
export function MyHearingObservations() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: hearingKeys.mine, queryFn: hearingsApi.mine });
  return (
    <HandlerAsksCard
      title={t('hearings.mine.title')}
      intro={t('hearings.mine.intro')}
      items={list.data?.items ?? []}
      render={(o) => <ObservationReply observation={o} />}
    />
  );
}

function ObservationReply({ observation: o }: { observation: ObservationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reply = useMutation({
    mutationFn: (text: string) => hearingsApi.reply(o.id, { version: o.version, text }),
    onSuccess: (next) => {
      queryClient.setQueryData(hearingKeys.mine, next);
      void message.success(t('hearings.mine.sent'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  const when = beijingDateTime(o.hearing.at);
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} wrap align="center">
        <span className="mono">{o.applicationNumber}</span>
        <Tag color={observationColor(o.status)}>{t(`hearings.statuses.${o.status}`)}</Tag>
        <Typography.Text type="secondary">
          {t('hearings.hearingAt')}：{when.date} {when.time} · {t('hearings.observer')}：{o.observerName}
        </Typography.Text>
      </Flex>
      <ScoreSheetTable sheet={o.sheet} total={o.totalScore} />
      <Typography.Text>
        {t('hearings.findings')}：{o.findings}
      </Typography.Text>
      {o.replyText && (
        <Typography.Text>
          {t('hearings.mine.yourReply')}：{o.replyText}
        </Typography.Text>
      )}
      {o.status === 'observed' && (
        <TextSubmit
          label={t('hearings.mine.reply')}
          placeholder={t('hearings.mine.replyPlaceholder')}
          maxLength={4000}
          button={t('hearings.mine.send')}
          pending={reply.isPending}
          onSubmit={(text) => reply.mutateAsync(text)}
        />
      )}
    </Flex>
  );
}
