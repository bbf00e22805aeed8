import { App, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type CreateUserInput, type RoleCode, type UpdateUserInput, type User } from '../../api';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { FormModal } from '../../components/FormModal';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import { useRoles } from '../../hooks/useReference';
import { newPasswordRules, PASSWORD_MAX_LENGTH } from '../auth/passwordRules';

export type UserModalMode = { type: 'create' } | { type: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  organisationId: string;
  roles: RoleCode[];
  password?: string;
  phone?: string;
}

// The server's rules (users.schemas.ts), checked first so people see the reason next to the field.
const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;
const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/;

// API refusals that concern one field, shown next to it.
const ERROR_FIELDS = {
  USERNAME_TAKEN: 'username',
  PASSWORD_POLICY: 'password',
  PASSWORD_TOO_GUESSABLE: 'password',
  ROLE_NOT_GRANTABLE: 'roles',
  ORGANISATION_OUT_OF_SCOPE: 'organisationId',
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Create a staff account, or edit one (PATCH carries only changed fields). */
export function UserFormModal({ mode, onClose }: { mode: UserModalMode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const roles = useRoles(mode !== null);
  const idempotencyKeyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.user : null;

  const save = useMutation({
    mutationFn: async (values: Values): Promise<User> => {
      const phone = values.phone?.trim();
      if (!editing) {
        const input: CreateUserInput = {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          organisationId: values.organisationId,
          roles: values.roles,
          password: values.password ?? '',
          ...(phone ? { phone } : {}),
        };
        return usersApi.create(input, idempotencyKeyFor(input));
      }
      const patch: UpdateUserInput = {};
      const displayName = values.displayName.trim();
      if (displayName !== editing.displayName) patch.displayName = displayName;
      if (values.organisationId !== editing.organisationId) patch.organisationId = values.organisationId;
      if (!sameSet(values.roles, editing.roles)) patch.roles = values.roles;
      if (phone) patch.phone = phone;
      if (Object.keys(patch).length === 0) return editing;
      return usersApi.update(editing.id, patch);
    },
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(editing ? t('users.updated') : t('users.created', { name: user.displayName }));
      onClose();
    },
  });

  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <FormModal<Values>
      open={mode !== null}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      name={editing ? 'userEdit' : 'userCreate'}
      form={form}
      firstField={editing ? 'displayName' : 'username'}
      initialValues={
        editing
          ? {
              username: editing.username,
              displayName: editing.displayName,
              organisationId: editing.organisationId,
              roles: editing.roles,
            }
          : { roles: [] }
      }
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={ERROR_FIELDS}
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        rules={[
          { required: true, whitespace: true, message: t('users.usernameRequired') },
          { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
        ]}
      >
        <Input disabled={!!editing} maxLength={32} autoComplete="off" autoFocus={!editing} />
      </Form.Item>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={60} autoComplete="off" autoFocus={!!editing} />
      </Form.Item>
      <Form.Item
        label={t('users.organisation')}
        name="organisationId"
        rules={[{ required: true, message: t('users.organisationRequired') }]}
      >
        <OrganisationTreeSelect disableInactive placeholder={t('users.organisationPlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('users.roles')}
        name="roles"
        rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
      >
        <Select
          mode="multiple"
          loading={roles.isLoading}
          placeholder={t('users.rolesPlaceholder')}
          options={(roles.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {!editing && (
        <Form.Item
          label={t('users.initialPassword')}
          name="password"
          extra={t('users.initialPasswordHelp')}
          dependencies={['username']}
          rules={newPasswordRules(
            t,
            'users.passwordRequired',
            () => form.getFieldValue('username') as string | undefined,
          )}
        >
          <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
        </Form.Item>
      )}
      <Form.Item
        label={t('users.phone')}
        name="phone"
        extra={editing?.phoneMasked ? t('common.current', { value: editing.phoneMasked }) : undefined}
        rules={[{ pattern: PHONE_PATTERN, message: t('users.phoneInvalid') }]}
      >
        <Input
          maxLength={30}
          inputMode="tel"
          autoComplete="off"
          placeholder={editing ? t('common.leaveBlankToKeep') : undefined}
        />
      </Form.Item>
    </FormModal>
  );
}
