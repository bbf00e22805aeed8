import { Alert, Checkbox, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { refusalReasonsFound } from '@fayuan/domain';
import { applicationsApi, type ApplicationDetail, type Decision } from '../../api';
import { FormModal, SubmitFormModal } from '../../components/FormModal';
import { Citation } from '../rules/Citation';
import { toApprovalInput, toDecideInput, type ApprovalValues, type DecideValues } from './actionRequests';
import { itemName } from './labels';
import { useApplicationAction } from './useApplicationAction';
import { useApplicationReference, useReasonLabel } from './useApplicationData';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

/** 作出决定: grant with the assessment's reasons, or refuse with the rule list's (LAL art.43, art.49). */
export function DecideModal({ application, open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<DecideValues>();
  const reference = useApplicationReference();
  const refusalReasons = reference.data?.refusalReasons ?? [];
  const decision = (Form.useWatch('decision', form) ??
    (application.assessment?.eligible === false ? 'refuse' : 'grant')) as Decision;
  const assessmentReasons = application.assessment?.reasons ?? [];
  const decide = useApplicationAction(
    application.id,
    (values: DecideValues) =>
      applicationsApi.decide(application.id, toDecideInput(values, application, refusalReasons)),
    (result) =>
      (result as ApplicationDetail | undefined)?.awaitingApproval
        ? t('applications.decide.submittedForApproval')
        : t('applications.actions.done', { action: t('applications.actions.decide') }),
    onClose,
  );
  const close = () => {
    decide.reset();
    onClose();
  };
  const reasonRule = {
    validator: (_: unknown, value: string[] | undefined) =>
      value && value.length > 0
        ? Promise.resolve()
        : Promise.reject(new Error(t('applications.decide.reasonsRequired'))),
  };
  return (
    <FormModal<DecideValues>
      open={open}
      title={t('applications.decide.title')}
      name="decide"
      form={form}
      firstField="decision"
      width={680}
      okText={t('applications.decide.submit')}
      initialValues={{
        decision: application.assessment?.eligible === false ? 'refuse' : 'grant',
        grantReasons: assessmentReasons.map((r) => r.code),
        // The reasons the eligibility assessment found, ticked for the reviewer to confirm.
        refusalReasons: refusalReasonsFound(application.assessment),
      }}
      onFinish={(values) => decide.mutate(values)}
      onCancel={close}
      submitting={decide.isPending}
      error={decide.error}
    >
      <Form.Item label={t('applications.decide.decision')} name="decision">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(['grant', 'refuse'] as const).map((d) => ({
            value: d,
            label: t(`applications.decisions.${d}`),
          }))}
        />
      </Form.Item>
      {decision === 'grant' ? (
        assessmentReasons.length === 0 ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('applications.decide.noGrantReasons')}
          />
        ) : (
          <Form.Item
            label={t('applications.decide.grantReasons')}
            name="grantReasons"
            extra={t('applications.decide.grantReasonsHelp')}
            rules={[reasonRule]}
          >
            <Checkbox.Group>
              <Flex vertical gap={8}>
                {assessmentReasons.map((r) => (
                  <Checkbox key={r.code} value={r.code}>
                    {r.message} <Citation citation={r.citation} />
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        )
      ) : (
        <Form.Item
          label={t('applications.decide.refusalReasons')}
          name="refusalReasons"
          extra={t('applications.decide.refusalReasonsHelp')}
          rules={[reasonRule]}
        >
          <Checkbox.Group>
            <Flex vertical gap={8}>
              {refusalReasons.map((r) => (
                <Checkbox key={r.code} value={r.code}>
                  {itemName(r, i18n.language)} <Citation citation={r.citation} />
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
      <Form.Item
        label={t('applications.decide.note')}
        name="note"
        rules={
          decision === 'grant' && assessmentReasons.length === 0
            ? [{ required: true, whitespace: true, message: t('applications.decide.noGrantReasons') }]
            : []
        }
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 审批决定: the director approves the pending decision or returns it with a note. */
export function ApprovalModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel(application);
  const [form] = Form.useForm<ApprovalValues>();
  const approve = Form.useWatch('approve', form) ?? true;
  const pending = application.pendingDecision;
  const send = useApplicationAction(
    application.id,
    (values: ApprovalValues) => applicationsApi.approval(application.id, toApprovalInput(values)),
    t('applications.actions.done', { action: t('applications.actions.approve') }),
    onClose,
  );
  return (
    <SubmitFormModal<ApprovalValues>
      open={open}
      title={t('applications.approval.title')}
      name="approval"
      form={form}
      firstField="approve"
      initialValues={{ approve: true }}
      send={send}
      onClose={onClose}
    >
      {pending && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('applications.approval.proposed', {
            name: pending.proposedBy.displayName,
            decision: t(`applications.decisions.${pending.decision}`),
          })}
          description={
            <Flex vertical gap={4}>
              {pending.reasons.map((r) => (
                <span key={r.code}>
                  {reasonLabel(r.code)} <Citation citation={r.citation} />
                </span>
              ))}
              {pending.note && <Typography.Text>{pending.note}</Typography.Text>}
            </Flex>
          }
        />
      )}
      <Form.Item label={t('applications.approval.outcome')} name="approve">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('applications.approval.approve') },
            { value: false, label: t('applications.approval.return') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('applications.approval.note')}
        name="note"
        rules={
          approve
            ? []
            : [{ required: true, whitespace: true, message: t('applications.approval.noteRequired') }]
        }
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}
