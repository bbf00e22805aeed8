import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { workApi, type CaseActivity } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { useCaseworkAction } from './useCasework';

interface Values {
  outcome: string;
}

/** 标记安排: a scheduled activity held (what happened) or not held (why not). */
export function SettleActivityModal({
  caseId,
  settling,
  onClose,
}: {
  caseId: string;
  settling: { activity: CaseActivity; held: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useCaseworkAction(
    caseId,
    (values: Values) =>
      workApi.settleActivity(caseId, settling?.activity.id ?? '', {
        held: settling?.held ?? false,
        outcome: values.outcome.trim(),
      }),
    t('work.schedule.settled'),
    onClose,
  );
  return (
    <SubmitFormModal<Values>
      open={settling !== null}
      title={settling?.held ? t('work.schedule.heldTitle') : t('work.schedule.notHeldTitle')}
      name="settleActivity"
      form={form}
      firstField="outcome"
      width={560}
      send={send}
      onClose={onClose}
    >
      <Form.Item
        label={settling?.held ? t('work.schedule.outcome') : t('work.schedule.reason')}
        name="outcome"
        rules={[{ required: true, whitespace: true, message: t('work.schedule.outcomeRequired') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}
