import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { PROVISIONAL_AID_GROUNDS } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { applicationsApi, usersApi, type ApplicationDetail, type ProvisionalAidGround } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useCan } from '../auth/session';
import { Citation } from '../rules/Citation';
import { toProvisionalAidInput, type ProvisionalAidValues } from './actionRequests';
import { useApplicationAction } from './useApplicationAction';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

const GROUNDS = Object.keys(PROVISIONAL_AID_GROUNDS) as ProvisionalAidGround[];

/** Handlers in the director's scope (listing users needs user.read, which directors hold). */
function useHandlers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'handler', status: 'active', pageSize: 100 }],
    queryFn: ({ signal }) => usersApi.list({ role: 'handler', status: 'active', pageSize: 100 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** 先行提供法律援助 (LAL art.44): the ground, the handler who acts now, the date formalities are due. */
export function ProvisionalAidModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProvisionalAidValues>();
  const canListUsers = useCan()('user.read');
  const handlers = useHandlers(open && canListUsers);
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
  return (
    <FormModal<ProvisionalAidValues>
      open={open}
      title={t('applications.provisional.title')}
      name="provisionalAid"
      form={form}
      firstField="ground"
      width={640}
      onFinish={(values) => send.mutate(values)}
      onCancel={close}
      submitting={send.isPending}
      error={send.error}
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
        name="handlerId"
        rules={[{ required: true, message: t('applications.provisional.handlerRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={handlers.isPending && handlers.fetchStatus !== 'idle'}
          placeholder={t('applications.provisional.handlerPlaceholder')}
          notFoundContent={t('applications.provisional.noHandlers')}
          options={(handlers.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.organisationName}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('applications.provisional.formalitiesDueDate')}
        name="formalitiesDueDate"
        rules={[{ required: true, message: t('applications.provisional.formalitiesDueDateRequired') }]}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={t('applications.provisional.note')} name="note">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
