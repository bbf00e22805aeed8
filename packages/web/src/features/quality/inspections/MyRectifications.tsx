import { useState } from 'react';
import { App, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { inspectionKeys, inspectionsApi, type MyRectification } from './inspectionsApi';
import { rectificationColor } from './RectificationPanel';

/**
 * 整改要求 on 我的案件: the requests a file inspection sent about the handler's own cases, each
 * with what to put right, the deadline (overdue in red) and, while open, a reply form. Shows
 * nothing when there is none.
 */
export function MyRectifications() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: inspectionKeys.mine, queryFn: inspectionsApi.mine });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('rectification.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('rectification.intro')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {items.map((r) => (
          <RectificationReply key={r.id} request={r} />
        ))}
      </Flex>
    </Card>
  );
}

function RectificationReply({ request: r }: { request: MyRectification }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const reply = useMutation({
    mutationFn: () => inspectionsApi.reply(r.id, { version: r.version, text: text.trim() }),
    onSuccess: (next) => {
      queryClient.setQueryData(inspectionKeys.mine, next);
      setText('');
      void message.success(t('rectification.sent'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  return (
    <Card size="small" type="inner">
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
          <Flex vertical gap={6}>
            <Input.TextArea
              rows={2}
              maxLength={5000}
              aria-label={t('rectification.reply')}
              placeholder={t('rectification.replyPlaceholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <div>
              <Button
                type="primary"
                disabled={!text.trim()}
                loading={reply.isPending}
                onClick={() => reply.mutate()}
              >
                {t('rectification.send')}
              </Button>
            </div>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
