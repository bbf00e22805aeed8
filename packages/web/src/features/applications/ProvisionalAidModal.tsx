import { DatePicker, Form, Input, Radio, Typography } from 'antd';
import { PROVISIONAL_AID_GROUNDS } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type ProvisionalAidGround } from '../../api';
import { FormModal } from '../../components/FormModal';
import { CandidatePicker } from '../assignment/CandidatePicker';
import { ineligibleReasons, ReasonList } from '../assignment/ReasonList';
import { useCandidates } from '../assignment/useCandidates';
import { Citation } from '../rules/Citation';
import { toProvisionalAidInput, type ProvisionalAidValues } from './actionRequests';
import { useApplicationAction } from './useApplicationAction';
import { afterBeijingToday } from '../rules/beijingTime';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

const GROUNDS = Object.keys(PROVISIONAL_AID_GROUNDS) as ProvisionalAidGround[];

/**
 * 先行提供法律援助 (LAL art.44): the ground, the handler who acts now — one of the case's
 * candidates, checked by the same rules as 指派, with a reason when not the recommended one — and
 * the date the formalities are due. The handler starts work at once.
 */
export function ProvisionalAidModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProvisionalAidValues>();
  const best = useCandidates(application.id, open).data?.best ?? null;
  const chosen = Form.useWatch('handlerId', form);
  const send = useApplicationAction(
    application.id,
    (values: ProvisionalAidValues) =>
      applicationsApi.provisionalAid(application.id, toProvisionalAidInput(values)),
    t('applications.actions.done', { action: t('applications.actions.provisionalAid') }),
    onClose,
  );
  const close = () => {
    send.reset();
    onClose();
  };
  const reasons = ineligibleReasons(send.error);
  const otherThanBest = chosen !== undefined && chosen !== best?.handlerId;
  return (
    <FormModal<ProvisionalAidValues>
      open={open}
      title={t('applications.provisional.title')}
      name="provisionalAid"
      form={form}
      firstField="ground"
      width={720}
      // A reason typed for another handler is not sent once the recommended one is chosen again.
      onFinish={(values) => send.mutate(otherThanBest ? values : { ...values, reason: undefined })}
      onCancel={close}
      submitting={send.isPending}
      error={send.error}
      errorFields={{ ASSIGNMENT_REASON_REQUIRED: 'reason', ASSIGNMENT_HANDLER_INELIGIBLE: 'handlerId' }}
    >
      <Typography.Paragraph type="secondary">{t('applications.provisional.intro')}</Typography.Paragraph>
      <Form.Item
        label={t('applications.provisional.ground')}
        name="ground"
        rules={[{ required: true, message: t('applications.provisional.groundRequired') }]}
      >
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {GROUNDS.map((g) => (
            <Radio key={g} value={g}>
              {t(`applications.provisional.grounds.${g}`)} <Citation citation={PROVISIONAL_AID_GROUNDS[g]} />
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t('applications.provisional.handler')}
        extra={t('applications.provisional.handlerIntro')}
        name="handlerId"
        rules={[{ required: true, message: t('applications.provisional.handlerRequired') }]}
      >
        <CandidatePicker applicationId={application.id} enabled={open} />
      </Form.Item>
      {reasons.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <ReasonList reasons={reasons} />
        </div>
      )}
      {otherThanBest && (
        <Form.Item
          label={t('applications.provisional.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('applications.provisional.reasonRequired') },
          ]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      )}
      <Form.Item
        label={t('applications.provisional.formalitiesDueDate')}
        name="formalitiesDueDate"
        rules={[{ required: true, message: t('applications.provisional.formalitiesDueDateRequired') }]}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => !afterBeijingToday(d)} />
      </Form.Item>
      <Form.Item label={t('applications.provisional.note')} name="note">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
