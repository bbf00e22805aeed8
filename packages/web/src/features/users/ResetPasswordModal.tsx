import { Alert, App, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type User } from '../../api';
import { FormModal } from '../../components/FormModal';
import { confirmPasswordRules, newPasswordRules, PASSWORD_MAX_LENGTH } from '../auth/passwordRules';

const ERROR_FIELDS = { PASSWORD_POLICY: 'newPassword', PASSWORD_TOO_GUESSABLE: 'newPassword' };

interface Values {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useMutation({
    mutationFn: (values: Values) => {
      if (!user) throw new Error('no user');
      return usersApi.resetPassword(user.id, values.newPassword);
    },
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      onClose();
    },
  });

  return (
    <FormModal<Values>
      open={user !== null}
      title={t('users.resetTitle', { name: user?.displayName ?? '' })}
      name="resetPassword"
      form={form}
      firstField="newPassword"
      onFinish={(values) => reset.mutate(values)}
      onCancel={() => {
        reset.reset();
        onClose();
      }}
      submitting={reset.isPending}
      error={reset.error}
      errorFields={ERROR_FIELDS}
      width={480}
    >
      <Alert type="warning" showIcon title={t('users.resetNotice')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('auth.newPassword')}
        name="newPassword"
        extra={t('auth.passwordRule')}
        rules={newPasswordRules(t, 'auth.newRequired', () => user?.username)}
      >
        <Input.Password autoComplete="new-password" autoFocus maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
      <Form.Item
        label={t('auth.confirmPassword')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={confirmPasswordRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
    </FormModal>
  );
}
