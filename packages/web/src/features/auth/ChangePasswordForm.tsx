import { Alert, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api';
import { ME_KEY } from '../../queryClient';
import { errorMessage } from '../../components/ErrorState';
import { confirmPasswordRules, newPasswordRules, PASSWORD_MAX_LENGTH } from './passwordRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface Props {
  /** The policy forbids passwords that contain the username. */
  username: string;
  onChanged: () => void;
  autoFocus?: boolean;
  /** Distinct form names keep field ids (and so label associations) unique on a page. */
  formName?: string;
  block?: boolean;
}

/** Current / new / confirm password; the server's refusal message is shown as is. */
export function ChangePasswordForm({
  username,
  onChanged,
  autoFocus = false,
  formName = 'changePassword',
  block,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();

  const change = useMutation({
    mutationFn: (values: Values) => authApi.changePassword(values.currentPassword, values.newPassword),
    meta: { skipAuthRedirect: true },
    onSuccess: async () => {
      form.resetFields();
      // The server may rotate the session; GET /me brings the fresh CSRF token and mustChangePassword=false.
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      onChanged();
    },
  });

  return (
    <Form<Values>
      form={form}
      name={formName}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => change.mutate(values)}
      onValuesChange={() => change.isError && change.reset()}
      style={{ maxWidth: block ? undefined : 420 }}
    >
      {change.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(change.error, t('errors.network'))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        label={t('auth.currentPassword')}
        name="currentPassword"
        rules={[{ required: true, message: t('auth.currentRequired') }]}
      >
        <Input.Password
          autoComplete="current-password"
          autoFocus={autoFocus}
          maxLength={PASSWORD_MAX_LENGTH}
        />
      </Form.Item>
      <Form.Item
        label={t('auth.newPassword')}
        name="newPassword"
        extra={t('auth.passwordRule')}
        dependencies={['currentPassword']}
        rules={[
          ...newPasswordRules(t, 'auth.newRequired', () => username),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value === getFieldValue('currentPassword'))
                throw new Error(t('auth.sameAsCurrent'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
      <Form.Item
        label={t('auth.confirmPassword')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={confirmPasswordRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={change.isPending} block={block}>
          {t('auth.submitChange')}
        </Button>
      </Form.Item>
    </Form>
  );
}
