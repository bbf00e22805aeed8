import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { beijingDateTime } from '../../rules/beijingTime';
import { useTranslation } from 'react-i18next';
import { eligibilityApi } from '../../../api';
import { errorMessage } from '../../../components/ErrorState';
import { portalApi } from '../portalApi';

/** A complaint as GET /api/public/v1/complaints answers it (the citizens' door, engage.schemas.ts). */
interface Complaint {
  id: string;
  number: string | null;
  centre: string;
  about: string;
  text: string;
  status: string;
  receivedAt: string;
  dueAt: string | null;
  replyText: string | null;
  repliedAt: string | null;
  canAppeal: boolean;
}
type ComplaintStatus = 'received' | 'accepted' | 'declined' | 'decided' | 'replied' | 'appealed' | 'reviewed';
interface Values {
  organisationCode: string;
  about: 'centre' | 'handler' | 'service';
  text: string;
}

/** 投诉与建议: a complaint about a centre, a lawyer or the service, and the ones already sent. */
export default function PortalComplaintsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const centres = useQuery({ queryKey: ['portal', 'centres'], queryFn: () => eligibilityApi.centres() });
  const mine = useQuery({
    queryKey: ['portal', 'complaints'],
    queryFn: () => portalApi.get<{ items: Complaint[] }>('/complaints'),
  });
  const send = useMutation({
    mutationFn: (v: Values) =>
      portalApi.post<{ items: Complaint[] }>('/complaints', { ...v, wantsReply: true }),
    onSuccess: (data) => {
      queryClient.setQueryData(['portal', 'complaints'], data);
      form.resetFields();
    },
  });
  return (
    <div className="portal-narrow">
      <Typography.Title level={1} className="public-shell__heading">
        {t('portalEngage.complaintsTitle')}
      </Typography.Title>
      <Typography.Paragraph className="public-shell__intro">
        {t('portalEngage.complaintsIntro')}
      </Typography.Paragraph>
      <Card variant="borderless" className="portal-section">
        <Form
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => send.mutate(v)}
          initialValues={{ about: 'service' }}
          className="portal-form"
        >
          <Form.Item
            name="organisationCode"
            label={t('portalEngage.centre')}
            rules={[{ required: true, message: t('portalEngage.centreRequired') }]}
          >
            <Select
              options={(centres.data?.items ?? []).map((c) => ({ value: c.regionCode ?? '', label: c.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="about" label={t('portalEngage.about')}>
            <Radio.Group>
              <Radio value="centre">{t('portalEngage.aboutCentre')}</Radio>
              <Radio value="handler">{t('portalEngage.aboutHandler')}</Radio>
              <Radio value="service">{t('portalEngage.aboutService')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="text"
            label={t('portalEngage.complaintText')}
            rules={[{ required: true, whitespace: true, message: t('portalEngage.complaintRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          {send.isError && (
            <Alert type="error" showIcon role="alert" title={errorMessage(send.error, t('errors.network'))} />
          )}
          {send.isSuccess && (
            <Alert type="success" showIcon role="status" title={t('portalEngage.complaintSent')} />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={send.isPending}
            className="portal-form__submit"
          >
            {t('portalEngage.complaintSubmit')}
          </Button>
        </Form>
      </Card>
      {(mine.data?.items.length ?? 0) > 0 && (
        <Card variant="borderless" className="portal-section">
          <Typography.Title level={2}>{t('portalEngage.myComplaints')}</Typography.Title>
          <ul className="portal-cards">
            {mine.data!.items.map((c) => (
              <MyComplaint key={c.id} complaint={c} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/** One of my complaints: where it stands, when the step now running is due, the answer, a review. */
function MyComplaint({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [appealing, setAppealing] = useState(false);
  const appeal = useMutation({
    mutationFn: (v: { text: string }) =>
      portalApi.post<{ items: Complaint[] }>(`/complaints/${c.id}/appeal`, { text: v.text }),
    onSuccess: (data) => {
      queryClient.setQueryData(['portal', 'complaints'], data);
      setAppealing(false);
    },
  });
  const closed = c.status === 'replied' || c.status === 'reviewed' || c.status === 'appealed';
  return (
    <li>
      <Typography.Text strong>
        {c.number ? t('portalEngage.complaintNumber', { number: c.number }) : c.centre}
      </Typography.Text>{' '}
      <Tag color={closed ? 'green' : 'orange'}>
        {t(`portalEngage.complaintStatus.${c.status as ComplaintStatus}`)}
      </Tag>
      <div>
        {beijingDateTime(c.receivedAt).date} · {c.centre}
      </div>
      <p>{c.text}</p>
      {c.dueAt && !closed && (
        <Typography.Text type="secondary">
          {t('portalEngage.complaintDue', { date: beijingDateTime(c.dueAt).date })}
        </Typography.Text>
      )}
      {c.replyText && c.repliedAt && (
        <Alert
          type="info"
          title={t('portalEngage.complaintAnswer', { date: beijingDateTime(c.repliedAt).date })}
          description={c.replyText}
        />
      )}
      {appeal.isSuccess && (
        <Alert type="success" showIcon role="status" title={t('portalEngage.appealSent')} />
      )}
      {c.canAppeal && !appealing && (
        <Button type="link" onClick={() => setAppealing(true)} style={{ paddingInline: 0 }}>
          {t('portalEngage.appealOpen')}
        </Button>
      )}
      {c.canAppeal && appealing && (
        <Form layout="vertical" requiredMark={false} onFinish={(v: { text: string }) => appeal.mutate(v)}>
          <Form.Item
            name="text"
            label={t('portalEngage.appealText')}
            rules={[{ required: true, whitespace: true, message: t('portalEngage.appealRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          {appeal.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(appeal.error, t('errors.network'))}
            />
          )}
          <Button htmlType="submit" loading={appeal.isPending}>
            {t('portalEngage.appealSubmit')}
          </Button>
        </Form>
      )}
    </li>
  );
}
