import { useMemo } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  APPLICANT_CATEGORIES,
  DOCUMENT_TYPES,
  REPRESENTATIVE_ROLES,
  SEXES,
  checkResidentIdNumber,
  normalisePhone,
} from '@fayuan/domain';
import {
  ApiError,
  isApiError,
  personsApi,
  type DocumentType,
  type Person,
  type PersonWithWarnings,
  type RepresentativeRole,
  type Sex,
} from '../../api';
import { FormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { categoryLabel } from './labels';
import { issueField, today, toCreateInput, toUpdatePatch, trimmed, type Values } from './personFormValues';
import { afterBeijingToday } from '../rules/beijingTime';

export type PersonModalMode = { type: 'create' } | { type: 'edit'; person: Person };

interface Props {
  mode: PersonModalMode | null;
  onClose: () => void;
  onSaved: (person: PersonWithWarnings, created: boolean) => void;
  onOpenPerson: (id: string) => void;
}

/** Register a person, or edit one (PATCH carries only what changed). */
export function PersonFormModal({ mode, onClose, onSaved, onOpenPerson }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const idempotencyKeyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.person : null;

  const documentType = Form.useWatch('documentType', form) as DocumentType | undefined;
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;
  const phone = Form.useWatch('phone', form) as string | undefined;
  const representativePhone = Form.useWatch('representativePhone', form) as string | undefined;
  const isResidentId = (documentType ?? 'resident_id') === 'resident_id';
  const idCheck = useMemo(
    () => (isResidentId && trimmed(idNumber) ? checkResidentIdNumber(trimmed(idNumber), today()) : null),
    [isResidentId, idNumber],
  );
  // Birth date and sex follow from a resident identity number: the new one, or the one on file.
  const derived =
    isResidentId &&
    (idCheck?.ok === true ||
      (!trimmed(idNumber) && editing?.documentType === 'resident_id' && editing.idNumberMasked !== null));

  const sexLabel = (sex: Sex) => t(`persons.sexes.${sex}`);

  const phoneRule = {
    validator: (_: unknown, value: string | undefined) =>
      !trimmed(value) || normalisePhone(trimmed(value)).ok
        ? Promise.resolve()
        : Promise.reject(new Error(t('persons.phoneInvalid'))),
  };
  const phoneExtra = (value: string | undefined, masked: string | null | undefined) => {
    const check = trimmed(value) ? normalisePhone(trimmed(value)) : null;
    if (check?.ok && check.phone !== trimmed(value))
      return t('persons.phoneNormalised', { phone: check.phone });
    if (editing && masked) return t('common.current', { value: masked });
    return undefined;
  };

  const save = useMutation({
    mutationFn: async (values: Values): Promise<PersonWithWarnings> => {
      try {
        if (!editing) {
          const input = toCreateInput(values, derived);
          return await personsApi.create(input, idempotencyKeyFor(input));
        }
        const patch = toUpdatePatch(values, editing, derived);
        if (Object.keys(patch).length === 0) return { ...editing, warnings: [] };
        return await personsApi.update(editing.id, patch);
      } catch (error) {
        // The server names the problem with a resident identity number; say it in the UI language.
        if (isApiError(error) && error.code === 'ID_NUMBER_INVALID') {
          const problem = (error.details as { problem?: string } | undefined)?.problem;
          if (
            problem === 'ID_LENGTH' ||
            problem === 'ID_FORMAT' ||
            problem === 'ID_CHECKSUM' ||
            problem === 'ID_REGION' ||
            problem === 'ID_BIRTH_DATE'
          )
            throw new ApiError(
              error.status,
              error.code,
              t(`persons.idProblems.${problem}`),
              error.details,
              error.requestId,
            );
        }
        throw error;
      }
    },
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      void message.success(editing ? t('persons.updated') : t('persons.created', { name: person.name }));
      onSaved(person, !editing);
      onClose();
    },
  });

  const error = save.error;
  const errorFields = useMemo(() => {
    const field = isApiError(error) ? (error.details as { field?: string } | undefined)?.field : undefined;
    return {
      PERSON_DUPLICATE: 'idNumber',
      PERSON_DUPLICATE_ELSEWHERE: 'idNumber',
      ID_NUMBER_INVALID: 'idNumber',
      ID_NUMBER_MISMATCH: 'birthDate',
      PHONE_INVALID: field === 'representative.phone' ? 'representativePhone' : 'phone',
    };
  }, [error]);
  const duplicateId =
    isApiError(error) && error.code === 'PERSON_DUPLICATE'
      ? (error.details as { personId?: string } | undefined)?.personId
      : undefined;

  const close = () => {
    save.reset();
    onClose();
  };

  const rep = editing?.representative;
  return (
    <FormModal<Values>
      open={mode !== null}
      title={editing ? t('persons.editTitle', { name: editing.name }) : t('persons.createTitle')}
      name={editing ? 'personEdit' : 'personCreate'}
      form={form}
      firstField="name"
      width={760}
      initialValues={
        editing
          ? {
              name: editing.name,
              documentType: editing.documentType,
              birthDate: editing.birthDate ? dayjs(editing.birthDate) : null,
              sex: editing.sex,
              address: editing.address ?? undefined,
              categories: editing.categories,
              householdMembers: editing.householdMembers.map((m) => ({
                name: m.name,
                relation: m.relation,
                birthDate: m.birthDate ? dayjs(m.birthDate) : null,
              })),
              representativeName: rep?.name,
              representativeRole: rep?.role,
              representativeRelation: rep?.relation ?? undefined,
            }
          : { documentType: 'resident_id', categories: [], householdMembers: [] }
      }
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={error}
      errorFields={errorFields}
      issueField={issueField}
    >
      {isApiError(error) && error.code === 'PERSON_DUPLICATE' && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          style={{ marginBottom: 16 }}
          action={
            duplicateId ? (
              <Button
                size="small"
                onClick={() => {
                  close();
                  onOpenPerson(duplicateId);
                }}
              >
                {t('persons.duplicateOpen')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('persons.name')}
            name="name"
            rules={[
              { required: true, whitespace: true, message: t('persons.nameRequired') },
              { max: 100, message: t('persons.nameTooLong') },
            ]}
          >
            <Input maxLength={100} autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('persons.documentType')}
            name="documentType"
            rules={[{ required: true, message: t('persons.documentTypeRequired') }]}
          >
            <Select
              options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`persons.documentTypes.${d}`) }))}
              onChange={() => {
                if (trimmed(form.getFieldValue('idNumber') as string | undefined))
                  void form.validateFields(['idNumber']).catch(() => undefined);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('persons.idNumber')}
            name="idNumber"
            validateTrigger={['onBlur']}
            validateFirst
            extra={
              idCheck?.ok ? (
                <Typography.Text type="success">
                  {t('persons.idDerived', {
                    birthDate: idCheck.identity.birthDate,
                    sex: sexLabel(idCheck.identity.sex),
                  })}
                </Typography.Text>
              ) : editing?.idNumberMasked ? (
                t('common.current', { value: editing.idNumberMasked })
              ) : !isResidentId ? (
                t('persons.idNumberHelp')
              ) : undefined
            }
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  const type = form.getFieldValue('documentType') as DocumentType | undefined;
                  if (!trimmed(value) || (type ?? 'resident_id') !== 'resident_id') return Promise.resolve();
                  const check = checkResidentIdNumber(trimmed(value), today());
                  return check.ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`persons.idProblems.${check.problem}`)));
                },
              },
            ]}
          >
            <Input
              className="mono"
              maxLength={40}
              autoComplete="off"
              placeholder={editing?.idNumberMasked ? t('common.leaveBlankToKeep') : undefined}
              onBlur={() => {
                if (!idCheck?.ok) return;
                form.setFieldsValue({
                  idNumber: idCheck.identity.idNumber,
                  birthDate: dayjs(idCheck.identity.birthDate),
                  sex: idCheck.identity.sex,
                });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('persons.birthDate')}
            name="birthDate"
            extra={derived ? t('persons.derivedFromId') : undefined}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabled={derived}
              disabledDate={afterBeijingToday}
              placeholder=""
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('persons.sex')} name="sex">
            <Select
              allowClear
              disabled={derived}
              options={SEXES.map((s) => ({ value: s, label: sexLabel(s) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('persons.phone')}
            name="phone"
            validateTrigger={['onBlur']}
            rules={[phoneRule]}
            extra={phoneExtra(phone, editing?.phoneMasked)}
          >
            <Input
              maxLength={40}
              inputMode="tel"
              autoComplete="off"
              placeholder={editing?.phoneMasked ? t('common.leaveBlankToKeep') : undefined}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('persons.address')} name="address">
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('persons.categories')} name="categories">
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[8, 4]} style={{ width: '100%' }}>
            {APPLICANT_CATEGORIES.map((c) => (
              <Col key={c} xs={24} sm={12} md={8}>
                <Checkbox value={c}>{categoryLabel(c, i18n.language)}</Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>

      <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
        {t('persons.household')}
      </Divider>
      <Form.List name="householdMembers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('persons.memberNameRequired') }]}
                  >
                    <Input
                      maxLength={100}
                      autoComplete="off"
                      placeholder={t('persons.memberName')}
                      aria-label={`${t('persons.memberName')} ${index + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={10} sm={6}>
                  <Form.Item
                    name={[field.name, 'relation']}
                    rules={[
                      { required: true, whitespace: true, message: t('persons.memberRelationRequired') },
                    ]}
                  >
                    <Input
                      maxLength={30}
                      autoComplete="off"
                      placeholder={t('persons.memberRelation')}
                      aria-label={`${t('persons.memberRelation')} ${index + 1}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={10} sm={7}>
                  <Form.Item name={[field.name, 'birthDate']}>
                    <DatePicker
                      style={{ width: '100%' }}
                      placeholder={t('persons.memberBirthDate')}
                      aria-label={`${t('persons.memberBirthDate')} ${index + 1}`}
                      disabledDate={afterBeijingToday}
                    />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={3}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('persons.removeMember')} ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                {t('persons.addMember')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
        {t('persons.representative')}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('persons.representativeHelp')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('persons.representativeName')} name="representativeName">
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('persons.representativeRole')}
            name="representativeRole"
            dependencies={['representativeName']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: RepresentativeRole | undefined) =>
                  value || !trimmed(getFieldValue('representativeName') as string | undefined)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('persons.representativeRoleRequired'))),
              }),
            ]}
          >
            <Select
              allowClear
              options={REPRESENTATIVE_ROLES.map((r) => ({
                value: r,
                label: t(`persons.representativeRoles.${r}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('persons.representativeRelation')} name="representativeRelation">
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('persons.representativePhone')}
            name="representativePhone"
            validateTrigger={['onBlur', 'onSubmit']}
            dependencies={['representativeName', 'representativeRole', 'representativeRelation']}
            extra={phoneExtra(representativePhone, rep?.phoneMasked)}
            rules={[
              phoneRule,
              ({ getFieldValue }) => ({
                // PATCH replaces the whole representative: changing it without the phone would drop the phone.
                validator: (_, value: string | undefined) => {
                  if (!rep?.phoneMasked || trimmed(value)) return Promise.resolve();
                  const name = trimmed(getFieldValue('representativeName') as string | undefined);
                  if (!name) return Promise.resolve();
                  const relation = trimmed(getFieldValue('representativeRelation') as string | undefined);
                  const changed =
                    name !== rep.name ||
                    getFieldValue('representativeRole') !== rep.role ||
                    (relation || null) !== rep.relation;
                  return changed
                    ? Promise.reject(new Error(t('persons.representativePhoneReenter')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input
              maxLength={40}
              inputMode="tel"
              autoComplete="off"
              placeholder={rep?.phoneMasked ? t('common.leaveBlankToKeep') : undefined}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
