import { useMemo } from 'react';
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { HANDLER_KINDS, HANDLER_LANGUAGES, VOLUNTEER_SUBKINDS } from '@fayuan/domain';
import { handlersApi, isApiError, type Handler, type HandlerDetail, type HandlerKind } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { hasChanges, toCreateInput, toUpdatePatch, type HandlerValues } from './handlerFormValues';
import { languageLabel } from './labels';
import { useDistrictOptions, useFirmOptions, useSpecialties } from './useHandlerReference';
import { afterBeijingToday } from '../rules/beijingTime';

export type HandlerModalMode = { type: 'create' } | { type: 'edit'; handler: Handler };

interface Props {
  mode: HandlerModalMode | null;
  onClose: () => void;
  onSaved: (handler: HandlerDetail, created: boolean) => void;
}

/** Register a handler (status applying), or edit one (PATCH with the version read). */
export function HandlerFormModal({ mode, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HandlerValues>();
  const queryClient = useQueryClient();
  const idempotencyKeyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.handler : null;
  const kind = Form.useWatch('kind', form) as HandlerKind | undefined;
  const firms = useFirmOptions();
  const districts = useDistrictOptions();
  const specialties = useSpecialties();

  const save = useMutation({
    mutationFn: async (values: HandlerValues): Promise<HandlerDetail | null> => {
      if (!editing) {
        const input = toCreateInput(values);
        return handlersApi.create(input, idempotencyKeyFor(input));
      }
      const patch = toUpdatePatch(values, editing);
      if (!hasChanges(patch)) return null;
      return handlersApi.update(editing.id, patch);
    },
    onSuccess: async (handler) => {
      await queryClient.invalidateQueries({ queryKey: ['handlers'] });
      if (handler) {
        void message.success(editing ? t('handlers.updated') : t('handlers.created', { name: handler.name }));
        onSaved(handler, !editing);
      }
      onClose();
    },
  });

  const error = save.error;
  const errorFields = useMemo(() => {
    const field = isApiError(error) ? (error.details as { field?: string } | undefined)?.field : undefined;
    return {
      HANDLER_LICENCE_TAKEN: 'licenceNumber',
      HANDLER_LICENCE_REQUIRED: 'licenceNumber',
      HANDLER_SUBKIND_INVALID: 'volunteerSubkind',
      HANDLER_DATES_INVALID: field ?? 'practiceStartDate',
      HANDLER_SPECIALTY_UNKNOWN: 'specialties',
      HANDLER_DISTRICT_UNKNOWN: 'districtsServed',
      PHONE_INVALID: 'phone',
    };
  }, [error]);

  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <FormModal<HandlerValues>
      open={mode !== null}
      title={editing ? t('handlers.editTitle', { name: editing.name }) : t('handlers.createTitle')}
      name={editing ? 'handlerEdit' : 'handlerCreate'}
      form={form}
      firstField="name"
      width={760}
      initialValues={
        editing
          ? {
              name: editing.name,
              kind: editing.kind,
              volunteerSubkind: editing.volunteerSubkind,
              firmId: editing.firm?.id ?? null,
              licenceNumber: editing.licenceNumber ?? undefined,
              practiceStartDate: editing.practiceStartDate ? dayjs(editing.practiceStartDate) : null,
              criminalPracticeStartDate: editing.criminalPracticeStartDate
                ? dayjs(editing.criminalPracticeStartDate)
                : null,
              specialties: editing.specialties,
              languages: editing.languages,
              districtsServed: editing.districtsServed,
              familiarWithMinors: editing.familiarWithMinors,
              capacity: editing.capacity,
            }
          : { kind: 'social_lawyer', capacity: 5, familiarWithMinors: false }
      }
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={error}
      errorFields={errorFields}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('handlers.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('handlers.kind')} rules={[{ required: true }]}>
            <Select options={HANDLER_KINDS.map((k) => ({ value: k, label: t(`handlers.kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        {kind === 'volunteer' && (
          <Col xs={24} md={12}>
            <Form.Item
              name="volunteerSubkind"
              label={t('handlers.volunteerSubkind')}
              rules={[{ required: true }]}
            >
              <Select
                options={VOLUNTEER_SUBKINDS.map((s) => ({ value: s, label: t(`handlers.subkinds.${s}`) }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name="licenceNumber"
            label={t('handlers.licenceNumber')}
            extra={t('handlers.licenceHint')}
            rules={[{ required: kind !== undefined && kind !== 'volunteer', whitespace: true }]}
          >
            <Input maxLength={60} className="mono" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="firmId" label={t('handlers.firm')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('handlers.noFirm')}
              loading={firms.query.isPending}
              options={firms.options}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="practiceStartDate"
            label={t('handlers.practiceStartDate')}
            extra={t('handlers.yearsDerived')}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={afterBeijingToday} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="criminalPracticeStartDate" label={t('handlers.criminalPracticeStartDate')}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterBeijingToday} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="specialties" label={t('handlers.specialties')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={specialties.options}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="languages" label={t('handlers.languages')} extra={t('handlers.languagesHint')}>
            <Select
              mode="multiple"
              allowClear
              options={HANDLER_LANGUAGES.map((l) => ({ value: l, label: languageLabel(t, l) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="districtsServed" label={t('handlers.districtsServed')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={districts}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="capacity" label={t('handlers.capacity')} rules={[{ required: true }]}>
            <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="familiarWithMinors" label=" " valuePropName="checked">
            <Checkbox>{t('handlers.familiarWithMinors')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('handlers.phone')}
            extra={editing?.phoneMasked ? t('common.current', { value: editing.phoneMasked }) : undefined}
          >
            <Input maxLength={40} placeholder={editing ? t('common.leaveBlankToKeep') : undefined} />
          </Form.Item>
        </Col>
        {!editing && (
          <Col xs={24}>
            <Form.Item name="applicationNote" label={t('handlers.applicationNote')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
