import { useState } from 'react';
import { App, Form, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type User } from '../../api';
import { FormModal } from '../../components/FormModal';

/** Links a handler-role account to a lawyer's record (法律援助人员) that has no login yet. */
export function LinkHandlerModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ handlerId: string }>();
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const options = useQuery({
    queryKey: ['users', 'handler-options', q],
    queryFn: ({ signal }) => usersApi.handlerOptions(q, signal),
    enabled: user !== null,
  });
  const link = useMutation({
    mutationFn: (values: { handlerId: string }) => usersApi.linkHandler(user!.id, values.handlerId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['handlers'] });
      void message.success(t('users.handlerLinked'));
      close();
    },
  });
  const close = () => {
    link.reset();
    onClose();
  };
  return (
    <FormModal<{ handlerId: string }>
      open={user !== null}
      title={t('users.linkHandlerTitle', { name: user?.displayName ?? '' })}
      name="userHandlerLink"
      form={form}
      firstField="handlerId"
      onFinish={(values) => link.mutate(values)}
      onCancel={close}
      submitting={link.isPending}
      error={link.error}
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
    </FormModal>
  );
}
