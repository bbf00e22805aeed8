import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { Citation } from '../../rules/Citation';
import { beijingDateTime } from '../../rules/beijingTime';
import { hearingKeys, hearingsApi, type ObservationDetail } from './hearingsApi';
import { TextSubmit } from '../TextSubmit';

type SheetLine = ObservationDetail['sheet'][number];

/** The score sheet: each item with its weight and the score given (when recorded). */
export function ScoreSheetTable({ sheet, total }: { sheet: SheetLine[]; total: number | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<SheetLine>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={sheet}
      columns={[
        {
          title: t('hearings.item'),
          dataIndex: 'nameZh',
          render: (_: unknown, l) => (i18n.language === 'en-US' ? l.nameEn : l.nameZh),
        },
        { title: t('hearings.weight'), dataIndex: 'weight' },
        {
          title: t('hearings.score'),
          dataIndex: 'score',
          render: (v: number | null, l) =>
            v === null ? '—' : t('hearings.scoreOf', { score: v, max: l.maxScore }),
        },
      ]}
      summary={() =>
        total === null ? null : (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('hearings.totalScore')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              <strong>{total}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

/**
 * One hearing observation: the hearing, then by its stage the score sheet form (and cancelling),
 * or the scores, findings and the handler's reply with the closing form.
 */
export function ObservationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: hearingKeys.detail(id ?? ''),
    queryFn: () => hearingsApi.detail(id ?? ''),
    enabled: id !== null,
  });
  const d = detail.data;
  const hearingAt = d ? beijingDateTime(d.hearing.at) : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={d ? `${t('hearings.drawerTitle')} · ${d.applicationNumber}` : t('hearings.drawerTitle')}
      destroyOnHidden
    >
      {detail.isError && (
        <Alert type="error" showIcon title={errorMessage(detail.error, t('errors.network'))} />
      )}
      {d && hearingAt && (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('hearings.application')}>
              <span className="mono">{d.applicationNumber}</span> · {d.handlerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('hearings.hearingAt')}>
              {hearingAt.date} {hearingAt.time} {d.hearing.place ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('hearings.observer')}>{d.observerName}</Descriptions.Item>
            <Descriptions.Item label={t('hearings.status')}>
              <Tag>{t(`hearings.statuses.${d.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {d.status === 'scheduled' ? <RecordForm observation={d} /> : <Recorded observation={d} />}
        </Flex>
      )}
    </Drawer>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: hearingKeys.all });
    void queryClient.invalidateQueries({ queryKey: hearingKeys.detail(id) });
  };
}

function RecordForm({ observation: d }: { observation: ObservationDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(d.id);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const record = useMutation({
    mutationFn: (v: { scores: Record<string, number>; findings: string }) =>
      hearingsApi.record(d.id, { ...v, version: d.version }, key),
    onSuccess: () => {
      setKey(crypto.randomUUID());
      void message.success(t('hearings.recorded'));
      refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (note: string) => hearingsApi.cancel(d.id, { note, version: d.version }),
    onSuccess: () => {
      void message.success(t('hearings.cancelled'));
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  const required = { required: true, message: t('hearings.required') };
  const held = Date.parse(d.hearing.at) <= Date.now();
  return (
    <>
      <Typography.Title level={5}>{t('hearings.sheet')}</Typography.Title>
      {!held && <Alert type="info" showIcon title={t('hearings.notYetHeld')} />}
      <Form layout="vertical" requiredMark={false} onFinish={(v) => record.mutate(v)}>
        {d.sheet.map((l) => (
          <Form.Item
            key={l.code}
            name={['scores', l.code]}
            label={`${i18n.language === 'en-US' ? l.nameEn : l.nameZh}（${t('hearings.weight')} ${l.weight}）`}
            extra={<Citation citation={l.citation} />}
            rules={[required]}
          >
            <InputNumber
              min={0}
              max={l.maxScore}
              precision={0}
              suffix={`/ ${l.maxScore}`}
              style={{ width: 160 }}
            />
          </Form.Item>
        ))}
        <Form.Item
          name="findings"
          label={t('hearings.findings')}
          extra={t('hearings.findingsHelp')}
          rules={[required]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        {record.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(record.error, t('errors.network'))} />
        )}
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('hearings.record')}
        </Button>
      </Form>
      <TextSubmit
        label={t('hearings.cancelReason')}
        maxLength={2000}
        button={t('hearings.cancel')}
        danger
        pending={cancel.isPending}
        onSubmit={(note) => cancel.mutateAsync(note)}
      />
    </>
  );
}

function Recorded({ observation: d }: { observation: ObservationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(d.id);
  const [note, setNote] = useState('');
  const close = useMutation({
    mutationFn: () =>
      hearingsApi.close(d.id, { ...(note.trim() ? { note: note.trim() } : {}), version: d.version }),
    onSuccess: () => {
      void message.success(t('hearings.closed'));
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  return (
    <>
      {d.status !== 'cancelled' && (
        <>
          <Typography.Title level={5}>{t('hearings.sheet')}</Typography.Title>
          <ScoreSheetTable sheet={d.sheet} total={d.totalScore} />
        </>
      )}
      <Descriptions column={1} size="small" bordered>
        {d.findings && <Descriptions.Item label={t('hearings.findings')}>{d.findings}</Descriptions.Item>}
        {d.status !== 'cancelled' && (
          <Descriptions.Item label={t('hearings.reply')}>
            {d.replyText ?? <Typography.Text type="secondary">{t('hearings.noReply')}</Typography.Text>}
          </Descriptions.Item>
        )}
        {d.closeNote && (
          <Descriptions.Item label={t('hearings.closeNoteShown')}>{d.closeNote}</Descriptions.Item>
        )}
      </Descriptions>
      {(d.status === 'observed' || d.status === 'replied') && (
        <Flex vertical gap={6}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            aria-label={t('hearings.closeNote')}
            placeholder={t('hearings.closeNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div>
            <Button type="primary" loading={close.isPending} onClick={() => close.mutate()}>
              {t('hearings.close')}
            </Button>
          </div>
        </Flex>
      )}
    </>
  );
}
