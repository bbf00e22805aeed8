import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Form, type FormInstance } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  applicationsApi,
  consultationsApi,
  isApiError,
  type CreateApplicationInput,
  type Person,
} from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { useCan } from '../auth/session';
import { PersonFormModal } from '../persons/PersonFormModal';
import { consultationKey } from '../consultations/ConsultationDrawer';
import {
  initialIntakeValues,
  intakeIssueField,
  prefillFrom,
  toCreateApplicationInput,
  type IntakeValues,
} from './applicationFormValues';
import { IntakeApplicantSection } from './IntakeApplicantSection';
import { IntakeHardshipSection } from './IntakeHardshipSection';
import { useFacts } from '../rules/useFacts';
import { beijingToday } from '../rules/beijingTime';
import { IntakeMaterialsSection } from './IntakeMaterialsSection';
import { IntakeMatterSection } from './IntakeMatterSection';
import { applicationKeys, useApplicationReference, useMatters } from './useApplicationData';

/** Marks the fields a VALIDATION_FAILED answer names (`details.issues[].path` like `body.facts`). */
function markInvalidFields(form: FormInstance<IntakeValues>, error: unknown, message: string): void {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return;
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues ?? [];
  const names = issues
    .map((issue) => (typeof issue.path === 'string' ? issue.path.split('.') : []))
    .filter((parts) => parts[0] === 'body' && parts[1])
    .map((parts) => intakeIssueField(parts.slice(1)))
    .filter((name): name is string => name !== undefined);
  form.setFields(names.map((name) => ({ name: name as keyof IntakeValues, errors: [message] })));
  if (names[0]) form.scrollToField(names[0]);
}

/** 申请受理: window, workstation or phone staff take in an application with what was handed in. */
export default function ApplicationIntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canRegister = useCan()('person.manage');
  const [search] = useSearchParams();
  const prefill = useMemo(() => prefillFrom(search), [search]);
  const [form] = Form.useForm<IntakeValues>();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<Person[]>([]);
  const idempotencyKeyFor = useIdempotencyKey();
  const reference = useApplicationReference();
  const { matters, isPending: mattersLoading } = useMatters();
  const initialValues = useMemo(() => initialIntakeValues(prefill), [prefill]);
  // The consultation converted, for its number (the alert names it, never its id).
  const consultation = useQuery({
    queryKey: consultationKey(prefill.consultationId ?? null),
    queryFn: ({ signal }) => consultationsApi.get(prefill.consultationId ?? '', signal),
    enabled: prefill.consultationId !== undefined,
  });
  const consultationNumber = consultation.data?.number;
  // The yes/no facts are rule rows in force today, for the matter chosen (issue 11 §3).
  const [today] = useState(beijingToday);
  const { facts } = useFacts(today, Form.useWatch('matter', form));

  const create = useMutation({
    mutationFn: (input: CreateApplicationInput) => applicationsApi.create(input, idempotencyKeyFor(input)),
    onSuccess: async (application) => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void message.success(t('applications.intake.created', { number: application.number }));
      void navigate(`/applications/${application.id}`);
    },
  });

  useEffect(() => {
    if (create.error) markInvalidFields(form, create.error, t('errors.invalidField'));
  }, [create.error, form, t]);

  // The person's categories are where the intake's start: staff adjust them for this application.
  const onPick = (person: Person | undefined) => {
    if (person && (form.getFieldValue('categories') as string[] | undefined)?.length === 0)
      form.setFieldsValue({ categories: person.categories });
  };

  const submit = (values: IntakeValues) =>
    create.mutate(
      toCreateApplicationInput(values, {
        consultationId: prefill.consultationId,
        materials: reference.data?.materials ?? [],
        facts: facts.map((f) => f.code),
      }),
    );

  return (
    <>
      <PageHeader
        title={t('applications.intake.title')}
        extra={
          <Link to="/applications">
            <ArrowLeftOutlined aria-hidden /> {t('applications.intake.backToWorklist')}
          </Link>
        }
      />
      {prefill.consultationId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            consultationNumber
              ? t('applications.intake.fromConsultationNumber', { number: consultationNumber })
              : t('applications.intake.fromConsultation')
          }
        />
      )}
      <Form<IntakeValues>
        form={form}
        name="applicationIntake"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          {create.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(create.error, t('errors.network'))}
            />
          )}
          <IntakeApplicantSection
            form={form}
            registered={registered}
            canRegister={canRegister}
            onRegister={() => setRegistering(true)}
            onPick={onPick}
          />
          <IntakeMatterSection matters={matters} loading={mattersLoading} />
          <IntakeHardshipSection form={form} facts={facts} />
          <IntakeMaterialsSection
            form={form}
            materials={reference.data?.materials}
            loading={reference.isPending}
            error={reference.error}
          />
          <Flex gap={8} justify="end">
            <Button
              onClick={() => {
                form.resetFields();
                create.reset();
              }}
            >
              {t('applications.intake.reset')}
            </Button>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('applications.intake.submit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
      <PersonFormModal
        mode={registering ? { type: 'create' } : null}
        onClose={() => setRegistering(false)}
        onSaved={(person) => {
          setRegistered((list) => [person, ...list]);
          form.setFieldsValue({ applicantId: person.id });
          onPick(person);
          void form.validateFields(['applicantId']).catch(() => undefined);
        }}
        // A possible duplicate: that person is the applicant.
        onOpenPerson={(id) => form.setFieldsValue({ applicantId: id })}
      />
    </>
  );
}
