import { App, Flex, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { inspectionKeys, inspectionsApi, type MyRectification } from './inspectionsApi';
import { rectificationColor } from './RectificationPanel';
import { HandlerAsksCard, TextSubmit } from '../TextSubmit';

/**
 * 整改要求 on 我的案件: the requests a file inspection sent about the handler's own cases, each
 * with what to put right, the deadline (overdue in red) and, while open, a reply form. Shows
 * nothing when there is none.
 */
export function MyRectifications() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: inspectionKeys.mine, queryFn: inspectionsApi.mine });
  return (
    <HandlerAsksCard
      title={t('rectification.title')}
      intro={t('rectification.intro')}
      items={list.data?.items ?? []}
      render={(r) => <RectificationReply request={r} />}
    />
  );
}

function RectificationReply({ request: r }: { request: MyRectification }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reply = useMutation({
    mutationFn: (text: string) => inspectionsApi.reply(r.id, { version: r.version, text }),
    onSuccess: (next) => {
      queryClient.setQueryData(inspectionKeys.mine, next);
      void message.success(t('rectification.sent'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} wrap align="center">
        <span className="mono">{r.applicationNumber}</span>
        <Tag color={rectificationColor(r)}>
          {r.overdue ? t('inspection.overdue') : t(`inspection.rectStatuses.${r.status}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('rectification.dueOn')}：{r.dueOn}
        </Typography.Text>
      </Flex>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {r.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ol>
      {r.returnNote && r.status === 'open' && (
        <Typography.Text type="warning">
          {t('rectification.returned', { note: r.returnNote })}
        </Typography.Text>
      )}
      {r.replyText && r.status !== 'open' && (
        <Typography.Text>
          {t('rectification.yourReply')}：{r.replyText}
        </Typography.Text>
      )}
      {r.status === 'open' && (
        <TextSubmit
          label={t('rectification.reply')}
          placeholder={t('rectification.replyPlaceholder')}
          maxLength={5000}
          button={t('rectification.send')}
          pending={reply.isPending}
          onSubmit={(text) => reply.mutateAsync(text)}
        />
      )}
    </Flex>
  );
}
