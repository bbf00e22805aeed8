import { Alert, App, Button, Card, DatePicker, Form, Input, Radio } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { consultationsApi, type ConsultationDetail, type ConsultationOutcome } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { OUTCOMES } from './codes';

interface Values {
  outcome: ConsultationOutcome;
  referredTo?: string;
  answer?: string;
  followUpOn?: Dayjs | null;
}

const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * Records the answer, outcome (with where a referral went) and the follow-up date. The application
 * a call became is linked by converting it (转为法律援助申请), never by typing an id here.
 */
export function OutcomeForm({ consultation: c }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      consultationsApi.update(c.id, {
        outcome: v.outcome,
        referredTo: v.outcome === 'referred' ? orNull(v.referredTo) : null,
        answer: orNull(v.answer),
        followUpOn: v.followUpOn ? v.followUpOn.format('YYYY-MM-DD') : null,
      }),
    onSuccess: async () => {
      message.success(t('consultations.outcomeSaved'));
      await queryClient.invalidateQueries({ queryKey: ['consultations'] });
    },
  });
  return (
    <Card size="small" title={t('consultations.process')}>
      <Form<Values>
        form={form}
        name="consultationOutcome"
        layout="vertical"
        initialValues={{
          outcome: c.outcome,
          referredTo: c.referredTo ?? undefined,
          answer: c.answer ?? undefined,
          followUpOn: c.followUpOn ? dayjs(c.followUpOn) : null,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        {save.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(save.error, t('errors.network'))}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item name="outcome" label={t('consultations.outcome')}>
          <Radio.Group
            optionType="button"
            options={OUTCOMES.map((o) => ({ value: o, label: t(`consultations.outcomes.${o}`) }))}
          />
        </Form.Item>
        {outcome === 'referred' && (
          <Form.Item
            name="referredTo"
            label={t('consultations.referredTo')}
            rules={[{ required: true, whitespace: true, message: t('consultations.referredToRequired') }]}
          >
            <Input maxLength={200} placeholder={t('consultations.referredToPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="answer" label={t('consultations.answer')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="followUpOn" label={t('consultations.followUpOn')}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={save.isPending}>
          {t('consultations.saveOutcome')}
        </Button>
      </Form>
    </Card>
  );
}
