import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { errorMessage } from './ErrorState';

type FieldPath = string | (string | number)[];

/** Body paths named by a VALIDATION_FAILED answer (`details.issues[].path` such as `body.username`), without `body`. */
function invalidPaths(error: unknown): string[][] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return [];
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues ?? [];
  return issues
    .map((issue) => (typeof issue.path === 'string' ? issue.path.split('.') : []))
    .filter((parts) => parts[0] === 'body' && parts[1])
    .map((parts) => parts.slice(1));
}

/** By default a body path names the top-level field of the same name (`body.username` → `username`). */
const topLevelField = (path: string[]): FieldPath | undefined => path[0];

interface Props<T> {
  open: boolean;
  title: ReactNode;
  /** Unique per page: antd derives field ids (and label `for`) from it. */
  name: string;
  form: FormInstance<T>;
  onFinish: (values: T) => void;
  onCancel: () => void;
  submitting: boolean;
  /** The last submission's error; its API message is shown above the fields. */
  error?: unknown;
  /** API error codes that concern one field (e.g. USERNAME_TAKEN → username): that field is marked and focused. */
  errorFields?: Partial<Record<string, string>>;
  /**
   * The field a VALIDATION_FAILED issue concerns, from its body path (`['data', 'code']` for
   * `body.data.code`); by default the top-level field of the same name.
   */
  issueField?: (path: string[]) => FieldPath | undefined;
  /** Field focused when the dialog opens. */
  firstField: string;
  initialValues?: Partial<T>;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/**
 * Enter in a date or time field picks the typed date and closes its panel (the picker's own
 * handler, which runs first); it must not also submit the dialog, which the browser's implicit
 * submission of the form would do.
 */
function keepDateEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter') return;
  const target = event.target as Element | null;
  if (target?.closest?.('.ant-picker')) event.preventDefault();
}

/**
 * A modal whose whole body is a <form>: the OK button is the submit button, so Enter in any field but a date submits,
 * and Form.Item labels stay associated with their inputs.
 */
export function FormModal<T extends object>(props: Props<T>) {
  const { t } = useTranslation();
  const { form, error } = props;

  // Read through a ref: the effect runs once per new error, not when a parent re-renders.
  const errorFields = useRef(props.errorFields);
  errorFields.current = props.errorFields;
  const issueField = useRef(props.issueField ?? topLevelField);
  issueField.current = props.issueField ?? topLevelField;
  const namedField = isApiError(error) ? props.errorFields?.[error.code] : undefined;
  useEffect(() => {
    const untyped = form as unknown as FormInstance;
    let fields: { name: FieldPath; message: string }[] = [];
    const named = isApiError(error) ? errorFields.current?.[error.code] : undefined;
    if (named && isApiError(error)) fields = [{ name: named, message: error.message }];
    else {
      fields = invalidPaths(error)
        .map((path) => issueField.current(path))
        .filter(
          (name): name is FieldPath => name !== undefined && untyped.getFieldInstance(name) !== undefined,
        )
        .map((name) => ({ name, message: t('errors.invalidField') }));
    }
    const first = fields[0];
    if (!first) return;
    untyped.setFields(fields.map((f) => ({ name: f.name, errors: [f.message] })));
    // After the OK button leaves its loading state, which otherwise moves focus on its own.
    const timer = window.setTimeout(() => untyped.getFieldInstance(first.name)?.focus?.(), 50);
    return () => window.clearTimeout(timer);
  }, [error, form, t]);

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 560}
      okText={props.okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: props.submitting }}
      onCancel={props.onCancel}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(open) => {
        // Fallback for autoFocus; never pull focus back from a field the user already went to.
        const active = document.activeElement;
        if (!open || active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
        form.getFieldInstance(props.firstField)?.focus?.();
      }}
      modalRender={(dom) => (
        <Form<T>
          form={form}
          name={props.name}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={props.onFinish}
          clearOnDestroy
          scrollToFirstError
          onKeyDown={keepDateEnter}
        >
          {dom}
        </Form>
      )}
    >
      {error !== undefined && error !== null && !namedField && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t('errors.network'))}
          style={{ marginBottom: 16 }}
        />
      )}
      {props.children}
    </Modal>
  );
}

/** What a dialog's submission needs of its mutation (a react-query `useMutation` result fits). */
export interface DialogSubmission<T> {
  mutate: (values: T) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

/**
 * A FormModal that submits through `send`: OK sends the values; Cancel forgets the last error and
 * closes, so the dialog opens clean next time.
 */
export function SubmitFormModal<T extends object>({
  send,
  onClose,
  ...props
}: Omit<Props<T>, 'onFinish' | 'onCancel' | 'submitting' | 'error'> & {
  send: DialogSubmission<T>;
  onClose: () => void;
}) {
  return (
    <FormModal<T>
      {...props}
      onFinish={(values) => send.mutate(values)}
      onCancel={() => {
        send.reset();
        onClose();
      }}
      submitting={send.isPending}
      error={send.error}
    />
  );
}
