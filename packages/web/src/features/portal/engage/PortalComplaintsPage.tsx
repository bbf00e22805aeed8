import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { beijingDateTime } from '../../rules/beijingTime';
import { useTranslation } from 'react-i18next';
import { eligibilityApi } from '../../../api';
import { errorMessage } from '../../../components/ErrorState';
import { portalApi } from '../portalApi';

interface Complaint {
  id: string;
  centre: string;
  about: string;
  text: string;
  status: string;
  receivedAt: string;
}
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
              <li key={c.id}>
                {beijingDateTime(c.receivedAt).date} · {c.centre} · {t('portalEngage.received')}
                <p>{c.text}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
