import { Form, Input, Radio, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TerminationGround } from '@fayuan/domain';
import { caseworkApi, type ApplicationDetail } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { BeijingDateTimePicker } from '../applications/BeijingDateTimePicker';
import { useApplicationAction } from '../applications/useApplicationAction';
import { beijingNow } from '../rules/beijingTime';
import { caseworkKeys } from './caseworkKeys';
import {
  participantsOf,
  toClosingReviewInput,
  toDiscussionInput,
  type ClosingReviewValues,
  type DiscussionValues,
} from './caseworkRequests';
import { ClosingsList } from './CaseworkRecords';
import { GroundField } from './HandlerModals';
import { useCaseworkAction, useClosings } from './useCasework';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

interface TerminationValues {
  ground: TerminationGround;
  reasons: string;
}

/** 终止法律援助: the director's decision on a ground of LAL art.48; the objection period opens (art.49). */
export function TerminateModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TerminationValues>();
  const send = useApplicationAction(
    application.id,
    async (values: TerminationValues) => {
      const detail = await caseworkApi.terminate(application.id, {
        ground: values.ground,
        reasons: values.reasons.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all(application.id) });
      return detail;
    },
    t('casework.termination.decided'),
    onClose,
  );
  return (
    <SubmitFormModal<TerminationValues>
      open={open}
      title={t('casework.termination.decideTitle')}
      name="terminate"
      form={form}
      firstField="ground"
      width={640}
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('casework.termination.decideIntro')}</Typography.Paragraph>
      <GroundField />
      <Form.Item
        label={t('casework.termination.reasons')}
        name="reasons"
        rules={[{ required: true, whitespace: true, message: t('casework.termination.reasonsRequired') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}

/** 结案审查: accept the pending closing (the case is closed) or return it with a reason (BJR art.32). */
export function ClosingReviewModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClosingReviewValues>();
  const outcome = Form.useWatch('outcome', form);
  const closings = useClosings(application.id, open);
  const pending = closings.data?.find((c) => c.outcome === null);
  const terminated = application.state === 'terminated';
  const send = useApplicationAction(
    application.id,
    async (values: ClosingReviewValues) => {
      const detail = await caseworkApi.reviewClosing(application.id, toClosingReviewInput(values));
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all(application.id) });
      return detail;
    },
    (result) =>
      (result as ApplicationDetail).state === 'closed'
        ? t('casework.closing.accepted')
        : t('casework.closing.returned'),
    onClose,
  );
  return (
    <SubmitFormModal<ClosingReviewValues>
      open={open}
      title={t('casework.closing.reviewTitle')}
      name="closingReview"
      form={form}
      firstField="outcome"
      width={720}
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {terminated ? t('casework.closing.terminatedIntro') : t('casework.closing.reviewIntro')}
      </Typography.Paragraph>
      {pending ? (
        <div style={{ marginBottom: 16 }}>
          <ClosingsList caseId={application.id} closings={[pending]} />
        </div>
      ) : (
        closings.isSuccess &&
        !terminated && (
          <Typography.Paragraph type="warning">{t('casework.closing.noPending')}</Typography.Paragraph>
        )
      )}
      <Form.Item
        label={t('casework.closing.reviewOutcome')}
        name="outcome"
        rules={[{ required: true, message: t('casework.closing.reviewOutcomeRequired') }]}
      >
        <Radio.Group
          options={[
            { value: 'accept', label: t('casework.closing.accept') },
            // Nothing to return on a terminated case: the work has ended.
            ...(terminated ? [] : [{ value: 'return', label: t('casework.closing.return') }]),
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('casework.closing.reviewReason')}
        name="reason"
        rules={[
          {
            required: outcome === 'return',
            whitespace: true,
            message: t('casework.closing.reviewReasonRequired'),
          },
        ]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}

interface MajorValues {
  reason: string;
}

/** 标记重大疑难 (or lift the mark), with the reason; the answer replaces the loaded mark. */
export function MajorModal({
  application,
  major,
  open,
  onClose,
}: Props & { /** The mark to set: true marks, false lifts. */ major: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MajorValues>();
  const send = useCaseworkAction(
    application.id,
    async (values: MajorValues) => {
      const flag = await caseworkApi.setMajor(application.id, { major, reason: values.reason.trim() });
      queryClient.setQueryData(caseworkKeys.major(application.id), flag);
      return flag;
    },
    t('casework.major.done'),
    onClose,
  );
  return (
    <SubmitFormModal<MajorValues>
      open={open}
      title={major ? t('casework.major.markTitle') : t('casework.major.unmarkTitle')}
      name="major"
      form={form}
      firstField="reason"
      send={send}
      onClose={onClose}
    >
      <Form.Item
        label={t('casework.major.reason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('casework.major.reasonRequired') }]}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
      </Form.Item>
    </SubmitFormModal>
  );
}

/** 记录集体讨论: when, who took part, the conclusions; only on a case marked major. */
export function DiscussionModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DiscussionValues>();
  const send = useCaseworkAction(
    application.id,
    (values: DiscussionValues) => caseworkApi.recordDiscussion(application.id, toDiscussionInput(values)),
    t('casework.discussions.recorded'),
    onClose,
  );
  return (
    <SubmitFormModal<DiscussionValues>
      open={open}
      title={t('casework.discussions.addTitle')}
      name="discussion"
      form={form}
      firstField="heldAt"
      width={640}
      initialValues={{ heldAt: beijingNow() }}
      send={send}
      onClose={onClose}
    >
      <Form.Item
        label={t('casework.discussions.heldAt')}
        name="heldAt"
        rules={[{ required: true, message: t('casework.discussions.heldAtRequired') }]}
      >
        <BeijingDateTimePicker />
      </Form.Item>
      <Form.Item
        label={t('casework.discussions.participants')}
        name="participants"
        extra={t('casework.discussions.participantsHelp')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              participantsOf(value ?? '').length >= 2
                ? Promise.resolve()
                : Promise.reject(new Error(t('casework.discussions.participantsRequired'))),
          },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        label={t('casework.discussions.conclusions')}
        name="conclusions"
        rules={[{ required: true, whitespace: true, message: t('casework.discussions.conclusionsRequired') }]}
      >
        <Input.TextArea maxLength={10000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}
