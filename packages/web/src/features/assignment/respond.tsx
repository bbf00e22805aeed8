import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assignmentApi, type MyAssignment } from '../../api';
import { FormModal } from '../../components/FormModal';
import { caseworkKeys } from '../casework/caseworkKeys';
import { assignmentKeys } from './assignmentKeys';

/** Accepting or declining an assignment: from 我的案件 and from the case page (the brief first). */
interface DeclineValues {
  reason: string;
}

export function useRespond(onDone?: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; accept: boolean; reason?: string }) =>
      assignmentApi.respond(
        input.id,
        input.reason ? { accept: input.accept, reason: input.reason } : { accept: input.accept },
      ),
    onSuccess: async (_, input) => {
      await queryClient.invalidateQueries({ queryKey: assignmentKeys.mine });
      // Accepted, the brief opens the client's phone: read it again.
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all(input.id) });
      void message.success(
        input.accept ? t('assignment.myCases.accepted') : t('assignment.myCases.declined'),
      );
      onDone?.();
    },
  });
}

/** 拒绝指派: the handler declines with a reason (LAL art.16); the case returns to the queue. */
export function DeclineModal({
  assignment,
  onClose,
}: {
  assignment: MyAssignment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeclineValues>();
  const send = useRespond(onClose);
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <FormModal<DeclineValues>
      open={assignment !== null}
      title={t('assignment.myCases.declineTitle', { number: assignment?.applicationNumber ?? '' })}
      name="declineAssignment"
      form={form}
      firstField="reason"
      onFinish={(values) =>
        assignment &&
        send.mutate({ id: assignment.applicationId, accept: false, reason: values.reason.trim() })
      }
      onCancel={close}
      submitting={send.isPending}
      error={send.error}
    >
      <Form.Item
        label={t('assignment.myCases.declineReason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('assignment.myCases.declineReasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
