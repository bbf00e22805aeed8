import { useState } from 'react';
import { Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type User } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { useLoginLinkMutation } from '../handlers/useLoginLinkMutation';

/** Links a handler-role account to a lawyer's record (法律援助人员) that has no login yet. */
export function LinkHandlerModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ handlerId: string }>();
  const [q, setQ] = useState<string | undefined>();
  const options = useQuery({
    queryKey: ['users', 'handler-options', q],
    queryFn: ({ signal }) => usersApi.handlerOptions(q, signal),
    enabled: user !== null,
  });
  const link = useLoginLinkMutation({
    mutationFn: (values: { handlerId: string }) => usersApi.linkHandler(user!.id, values.handlerId),
    success: t('users.handlerLinked'),
    onDone: onClose,
  });
  return (
    <SubmitFormModal<{ handlerId: string }>
      open={user !== null}
      title={t('users.linkHandlerTitle', { name: user?.displayName ?? '' })}
      name="userHandlerLink"
      form={form}
      firstField="handlerId"
      send={link}
      onClose={onClose}
      errorFields={{ HANDLER_LOGIN_EXISTS: 'handlerId', HANDLER_USER_TAKEN: 'handlerId' }}
    >
      <Form.Item
        label={t('users.handler')}
        name="handlerId"
        extra={t('users.linkHandlerHelp')}
        rules={[{ required: true, message: t('users.handlerRequired') }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim() || undefined) }}
          loading={options.isFetching}
          placeholder={t('users.handlerPlaceholder')}
          notFoundContent={t('users.noHandlers')}
          options={(options.data ?? []).map((h) => ({
            value: h.id,
            label: `${h.name} · ${t(`handlers.kinds.${h.kind}`)} · ${h.organisationName}`,
          }))}
        />
      </Form.Item>
    </SubmitFormModal>
  );
}
