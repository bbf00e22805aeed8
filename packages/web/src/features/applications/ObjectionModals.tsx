import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type Objection } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import {
  toObjectionDecisionInput,
  toObjectionInput,
  type ObjectionDecisionValues,
  type ObjectionValues,
} from './actionRequests';
import { BeijingDateTimePicker } from './BeijingDateTimePicker';
import { useApplicationAction } from './useApplicationAction';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

/** The applicant withdraws the application, with the reason given. */
export function WithdrawModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const send = useApplicationAction(
    application.id,
    (values: { reason: string }) =>
      applicationsApi.withdraw(application.id, { reason: values.reason.trim() }),
    t('applications.actions.done', { action: t('applications.actions.withdraw') }),
    onClose,
  );
  return (
    <SubmitFormModal<{ reason: string }>
      open={open}
      title={t('applications.withdraw.title')}
      name="withdraw"
      form={form}
      firstField="reason"
      send={send}
      onClose={onClose}
    >
      <Form.Item
        label={t('applications.withdraw.reason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('applications.withdraw.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
      </Form.Item>
    </SubmitFormModal>
  );
}

/** 登记异议: an objection to a refusal, for the justice bureau (LAL art.49; BJR art.24 filing period). */
export function ObjectionModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObjectionValues>();
  const send = useApplicationAction(
    application.id,
    (values: ObjectionValues) => applicationsApi.fileObjection(application.id, toObjectionInput(values)),
    t('applications.actions.done', { action: t('applications.actions.fileObjection') }),
    onClose,
  );
  return (
    <SubmitFormModal<ObjectionValues>
      open={open}
      title={t('applications.objection.title')}
      name="objection"
      form={form}
      firstField="grounds"
      width={640}
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('applications.objection.intro')}</Typography.Paragraph>
      <Form.Item
        label={t('applications.objection.grounds')}
        name="grounds"
        rules={[{ required: true, whitespace: true, message: t('applications.objection.groundsRequired') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} autoFocus />
      </Form.Item>
      <Form.Item
        label={t('applications.objection.filedAt')}
        name="filedAt"
        extra={t('applications.objection.filedAtHelp')}
      >
        <BeijingDateTimePicker />
      </Form.Item>
    </SubmitFormModal>
  );
}

/** 审查异议: the justice bureau upholds the refusal or orders a correction, with its conclusion. */
export function ObjectionDecisionModal({
  application,
  objection,
  onClose,
}: {
  application: ApplicationDetail;
  objection: Objection | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObjectionDecisionValues>();
  const send = useApplicationAction(
    application.id,
    (values: ObjectionDecisionValues) =>
      applicationsApi.decideObjection(application.id, objection?.id ?? '', toObjectionDecisionInput(values)),
    t('applications.actions.done', { action: t('applications.actions.decideObjection') }),
    onClose,
  );
  return (
    <SubmitFormModal<ObjectionDecisionValues>
      open={objection !== null}
      title={t('applications.objectionDecision.title')}
      name="objectionDecision"
      form={form}
      firstField="outcome"
      width={640}
      send={send}
      onClose={onClose}
    >
      {objection && (
        <>
          <Typography.Text strong>{t('applications.objections.grounds')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{objection.grounds}</Typography.Paragraph>
        </>
      )}
      <Form.Item
        label={t('applications.objectionDecision.outcome')}
        name="outcome"
        rules={[{ required: true, message: t('applications.objectionDecision.outcomeRequired') }]}
      >
        <Radio.Group
          options={(['upheld', 'corrected'] as const).map((o) => ({
            value: o,
            label: t(`applications.objectionDecision.outcomes.${o}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('applications.objectionDecision.conclusion')}
        name="conclusion"
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('applications.objectionDecision.conclusionRequired'),
          },
        ]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}
