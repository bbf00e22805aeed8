import { useState } from 'react';
import { Button, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { LinkOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { handlersApi, type HandlerDetail } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { newPasswordRules, PASSWORD_MAX_LENGTH } from '../auth/passwordRules';
import { useLoginLinkMutation } from './useLoginLinkMutation';

// The server's rule (users.schemas.ts), checked first so the reason shows next to the field.
const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;

type Dialog = 'create' | 'link' | null;

/**
 * The lawyer's login (登录账号) on the lawyer's record: the account they sign in with to see
 * 我的案件. Opened here in one step, or an existing handler account linked; unlinked here too.
 */
export function HandlerLogin({ handler, manage }: { handler: HandlerDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const unlink = useLoginLinkMutation({
    mutationFn: () => handlersApi.unlinkLogin(handler.id),
    success: t('handlers.login.unlinked'),
  });
  const login = handler.login;
  return (
    <Flex gap={8} align="center" wrap>
      {login ? (
        <>
          <span className="mono">{login.username}</span>
          <Typography.Text type="secondary">{login.displayName}</Typography.Text>
          {login.status === 'disabled' && <Tag>{t('handlers.login.disabled')}</Tag>}
          {manage && (
            <Popconfirm
              title={t('handlers.login.unlinkConfirm', { username: login.username })}
              onConfirm={() => unlink.mutate()}
            >
              <Button size="small" loading={unlink.isPending}>
                {t('handlers.login.unlink')}
              </Button>
            </Popconfirm>
          )}
        </>
      ) : (
        <>
          <Typography.Text type="secondary">{t('handlers.login.none')}</Typography.Text>
          {manage && (
            <>
              <Button
                size="small"
                type="primary"
                icon={<UserAddOutlined aria-hidden />}
                onClick={() => setDialog('create')}
              >
                {t('handlers.login.create')}
              </Button>
              <Button size="small" icon={<LinkOutlined aria-hidden />} onClick={() => setDialog('link')}>
                {t('handlers.login.link')}
              </Button>
            </>
          )}
        </>
      )}
      <CreateLoginModal handler={handler} open={dialog === 'create'} onClose={() => setDialog(null)} />
      <LinkLoginModal handler={handler} open={dialog === 'link'} onClose={() => setDialog(null)} />
    </Flex>
  );
}

interface CreateValues {
  username: string;
  password: string;
}

function CreateLoginModal({
  handler,
  open,
  onClose,
}: {
  handler: HandlerDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const keyFor = useIdempotencyKey();
  const create = useLoginLinkMutation({
    mutationFn: (values: CreateValues) => {
      const input = { username: values.username.trim(), password: values.password };
      return handlersApi.createLogin(handler.id, input, keyFor(input));
    },
    success: t('handlers.login.created'),
    onDone: onClose,
  });
  return (
    <SubmitFormModal<CreateValues>
      open={open}
      title={t('handlers.login.createTitle', { name: handler.name })}
      name="handlerLoginCreate"
      form={form}
      firstField="username"
      send={create}
      onClose={onClose}
      errorFields={{
        USERNAME_TAKEN: 'username',
        PASSWORD_POLICY: 'password',
        PASSWORD_TOO_GUESSABLE: 'password',
      }}
    >
      <Typography.Paragraph type="secondary">
        {t('handlers.login.createHelp', { organisation: handler.organisationName })}
      </Typography.Paragraph>
      <Form.Item
        label={t('users.username')}
        name="username"
        rules={[
          { required: true, whitespace: true, message: t('users.usernameRequired') },
          { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
        ]}
      >
        <Input maxLength={32} autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('users.initialPassword')}
        name="password"
        extra={t('users.initialPasswordHelp')}
        dependencies={['username']}
        rules={newPasswordRules(t, 'users.passwordRequired', () => form.getFieldValue('username') as string)}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
    </SubmitFormModal>
  );
}

function LinkLoginModal({
  handler,
  open,
  onClose,
}: {
  handler: HandlerDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ userId: string }>();
  const [q, setQ] = useState<string | undefined>();
  const options = useQuery({
    queryKey: ['handlers', 'login-options', q],
    queryFn: ({ signal }) => handlersApi.loginOptions(q, signal),
    enabled: open,
  });
  const link = useLoginLinkMutation({
    mutationFn: (values: { userId: string }) => handlersApi.linkLogin(handler.id, values.userId),
    success: t('handlers.login.linked'),
    onDone: onClose,
  });
  return (
    <SubmitFormModal<{ userId: string }>
      open={open}
      title={t('handlers.login.linkTitle', { name: handler.name })}
      name="handlerLoginLink"
      form={form}
      firstField="userId"
      send={link}
      onClose={onClose}
      errorFields={{ HANDLER_USER_TAKEN: 'userId', HANDLER_USER_INVALID: 'userId' }}
    >
      <Form.Item
        label={t('handlers.login.account')}
        name="userId"
        extra={t('handlers.login.linkHelp')}
        rules={[{ required: true, message: t('handlers.login.accountRequired') }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim() || undefined) }}
          loading={options.isFetching}
          placeholder={t('handlers.login.accountPlaceholder')}
          notFoundContent={t('handlers.login.noAccounts')}
          options={(options.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）· ${u.organisationName}`,
          }))}
        />
      </Form.Item>
    </SubmitFormModal>
  );
}
