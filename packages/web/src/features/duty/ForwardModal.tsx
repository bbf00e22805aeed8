import { App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dutyApi, type DutyService, type ForwardInput } from '../../api';
import { FormModal } from '../../components/FormModal';

interface ForwardForm {
  stage: NonNullable<ForwardInput['stage']>;
  facts: string;
  requestedHelp: string;
  hardshipBasis: NonNullable<ForwardInput['hardshipBasis']>;
  members?: number;
  incomeYuan?: number;
}

const STAGES = [
  'investigation',
  'prosecution_review',
  'trial_first_instance',
  'trial_second_instance',
  'death_penalty_review',
  'compulsory_medical_treatment',
] as const;
const BASES = ['integrity_pledge', 'certificate', 'no_condition_ground', 'presumed_category'] as const;

/** 转为援助申请: the person served applies through the duty lawyer (LAL art.39: passed on within 24 hours). */
export function ForwardModal({
  service,
  onClose,
  onDone,
}: {
  service: DutyService | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ForwardForm>();
  const basis = Form.useWatch('hardshipBasis', form);
  const tested = basis === 'integrity_pledge' || basis === 'certificate';
  const forward = useMutation({
    mutationFn: (v: ForwardForm) =>
      dutyApi.forward(service!.id, {
        stage: v.stage,
        facts: v.facts,
        requestedHelp: v.requestedHelp,
        hardshipBasis: v.hardshipBasis,
        ...(tested
          ? {
              household: { members: v.members ?? 1, monthlyIncomeFen: Math.round((v.incomeYuan ?? 0) * 100) },
            }
          : {}),
      }),
    onSuccess: (r) => {
      void message.success(t('duty.forward.done', { number: r.number }));
      form.resetFields();
      onDone();
    },
  });
  return (
    <FormModal<ForwardForm>
      open={service !== null}
      title={t('duty.forward.title')}
      name="duty-forward"
      form={form}
      firstField="facts"
      initialValues={{ stage: 'investigation', hardshipBasis: 'integrity_pledge', members: 1, incomeYuan: 0 }}
      onFinish={(v) => forward.mutate(v)}
      onCancel={() => {
        forward.reset();
        onClose();
      }}
      submitting={forward.isPending}
      error={forward.error}
    >
      <Typography.Paragraph type="secondary">{t('duty.forward.hint')}</Typography.Paragraph>
      <Form.Item name="stage" label={t('duty.forward.stage')} rules={[{ required: true }]}>
        <Select options={STAGES.map((s) => ({ value: s, label: t(`duty.forward.stages.${s}`) }))} />
      </Form.Item>
      <Form.Item name="facts" label={t('duty.forward.facts')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={20_000} />
      </Form.Item>
      <Form.Item
        name="requestedHelp"
        label={t('duty.forward.requestedHelp')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={2000} />
      </Form.Item>
      <Form.Item name="hardshipBasis" label={t('duty.forward.hardship')} rules={[{ required: true }]}>
        <Select options={BASES.map((b) => ({ value: b, label: t(`duty.forward.bases.${b}`) }))} />
      </Form.Item>
      {tested && (
        <>
          <Form.Item name="members" label={t('duty.forward.members')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="incomeYuan" label={t('duty.forward.income')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
