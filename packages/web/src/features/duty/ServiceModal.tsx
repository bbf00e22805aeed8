import { App, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dutyApi, type DutyRequest, type ServiceInput } from '../../api';
import { FormModal } from '../../components/FormModal';

interface ServiceForm {
  serviceTypes: string[];
  personName: string;
  idNumber?: string;
  institutionCaseNumber?: string;
  prosecutor?: string;
  charges?: string[];
  opinion?: 'agree' | 'disagree';
  opinionText?: string;
  notes?: string;
}

const PLEA = 'plea_signing_presence';

/** 记录服务: the services given (the rule list's words), the person, and for a plea signing the plea fields. */
export function ServiceModal({
  slotId,
  request,
  onClose,
  onSaved,
}: {
  slotId: string | null;
  request: DutyRequest | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceForm>();
  const types = useQuery({
    queryKey: ['duty', 'service-types'],
    queryFn: ({ signal }) => dutyApi.serviceTypes(signal),
  });
  const chosen = Form.useWatch('serviceTypes', form) ?? [];
  const plea = chosen.includes(PLEA);
  const save = useMutation({
    mutationFn: (v: ServiceForm) => {
      const input: ServiceInput = {
        slotId: slotId!,
        serviceTypes: v.serviceTypes,
        person: { name: v.personName, ...(v.idNumber ? { idNumber: v.idNumber } : {}) },
        ...(v.institutionCaseNumber ? { institutionCaseNumber: v.institutionCaseNumber } : {}),
        ...(v.serviceTypes.includes(PLEA)
          ? {
              plea: {
                prosecutor: v.prosecutor ?? '',
                charges: v.charges ?? [],
                opinion: v.opinion ?? 'agree',
                ...(v.opinionText ? { opinionText: v.opinionText } : {}),
              },
            }
          : {}),
        ...(request ? { requestId: request.id } : {}),
        ...(v.notes ? { notes: v.notes } : {}),
      };
      return dutyApi.recordService(input);
    },
    onSuccess: () => {
      void message.success(t('duty.service.saved'));
      form.resetFields();
      onSaved();
    },
  });
  const open = slotId !== null;
  const initial: Partial<ServiceForm> = request
    ? {
        personName: request.suspectName,
        institutionCaseNumber: request.institutionCaseNumber,
        serviceTypes: request.reason === 'plea_signing' ? [PLEA] : ['legal_consultation'],
      }
    : { serviceTypes: ['legal_consultation'] };
  return (
    <FormModal<ServiceForm>
      open={open}
      title={request ? t('duty.my.recordFor') : t('duty.service.title')}
      name="duty-service"
      form={form}
      firstField="personName"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      submitting={save.isPending}
      error={save.error}
      errorFields={{ DUTY_PLEA_FIELDS_REQUIRED: 'prosecutor' }}
    >
      <Form.Item name="serviceTypes" label={t('duty.service.types')} rules={[{ required: true }]}>
        <Checkbox.Group className="duty-checks">
          {(types.data ?? []).map((s) => (
            <Checkbox key={s.code} value={s.code}>
              {i18n.language === 'en-US' ? s.nameEn : s.nameZh}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="personName"
        label={t('duty.service.personName')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('duty.service.idNumber')}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="institutionCaseNumber"
        label={t('duty.service.caseNumber')}
        rules={[{ required: plea }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {plea && (
        <>
          <Form.Item
            name="prosecutor"
            label={t('duty.service.prosecutor')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="charges"
            label={t('duty.service.charges')}
            extra={t('duty.service.chargesHint')}
            rules={[{ required: true }]}
          >
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="opinion" label={t('duty.service.opinion')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'agree', label: t('duty.service.opinions.agree') },
                { value: 'disagree', label: t('duty.service.opinions.disagree') },
              ]}
            />
          </Form.Item>
          <Form.Item name="opinionText" label={t('duty.service.opinionText')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
      <Form.Item name="notes" label={t('duty.service.notes')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
