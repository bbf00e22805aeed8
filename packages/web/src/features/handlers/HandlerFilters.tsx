import { useEffect } from 'react';
import { Col, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HANDLER_KINDS, HANDLER_LANGUAGES, HANDLER_STATUSES } from '@fayuan/domain';
import type { HandlerListParams } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import type { HandlerFilterValues } from './useHandlerListParams';
import { languageLabel } from './labels';
import { useDistrictOptions, useFirmOptions, useSpecialties, useTeams } from './useHandlerReference';

interface Props {
  params: HandlerListParams;
  onChange: (filters: HandlerFilterValues) => void;
}

/** The query bar above the handlers table: a choice applies at once, the keyword on Enter. */
export function HandlerFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HandlerFilterValues>();
  const teams = useTeams();
  const firms = useFirmOptions();
  const districts = useDistrictOptions();
  const specialties = useSpecialties();

  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      kind: params.kind,
      status: params.status,
      teamId: params.teamId,
      firmId: params.firmId,
      district: params.district,
      specialty: params.specialty,
      language: params.language,
      familiarWithMinors: params.familiarWithMinors,
    });
  }, [form, params]);

  const submit = (values: HandlerFilterValues) => onChange({ ...values, q: values.q?.trim() || undefined });
  const pick = (field: keyof HandlerFilterValues) => (value: unknown) =>
    submit({ ...form.getFieldsValue(), [field]: value });
  const select = (
    field: keyof HandlerFilterValues,
    label: string,
    placeholder: string,
    options: { value: string; label: string }[],
  ) => (
    <Form.Item name={field}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={label}
        placeholder={placeholder}
        options={options}
        popupMatchSelectWidth={false}
        onChange={pick(field)}
      />
    </Form.Item>
  );

  return (
    <FilterBar
      form={form}
      name="handlerFilters"
      search={{
        label: t('handlers.keyword'),
        placeholder: t('handlers.keywordPlaceholder'),
        maxLength: 100,
        col: { xs: 24, md: 12, xl: 8 },
      }}
      actionsCol={{ xs: 24, md: 8, xl: 6 }}
      onSearch={submit}
      onReset={() => onChange({})}
    >
      <Col xs={12} md={6} xl={4}>
        {select(
          'kind',
          t('handlers.kindFilter'),
          t('handlers.allKinds'),
          HANDLER_KINDS.map((k) => ({ value: k, label: t(`handlers.kinds.${k}`) })),
        )}
      </Col>
      <Col xs={12} md={6} xl={4}>
        {select(
          'status',
          t('handlers.statusFilter'),
          t('handlers.allStatuses'),
          HANDLER_STATUSES.map((s) => ({ value: s, label: t(`handlers.statuses.${s}`) })),
        )}
      </Col>
      <Col xs={12} md={8} xl={4}>
        {select(
          'teamId',
          t('handlers.teamFilter'),
          t('handlers.allTeams'),
          (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
        )}
      </Col>
      <Col xs={12} md={8} xl={4}>
        {select('firmId', t('handlers.firmFilter'), t('handlers.allFirms'), firms.options)}
      </Col>
      <Col xs={12} md={8} xl={5}>
        {select('district', t('handlers.districtFilter'), t('handlers.allDistricts'), districts)}
      </Col>
      <Col xs={12} md={8} xl={5}>
        {select(
          'specialty',
          t('handlers.specialtyFilter'),
          t('handlers.allSpecialties'),
          specialties.options,
        )}
      </Col>
      <Col xs={12} md={8} xl={4}>
        {select(
          'language',
          t('handlers.languageFilter'),
          t('handlers.allLanguages'),
          HANDLER_LANGUAGES.map((l) => ({ value: l, label: languageLabel(t, l) })),
        )}
      </Col>
      <Col xs={12} md={8} xl={4}>
        {select('familiarWithMinors', t('handlers.minorsFilter'), t('handlers.minorsAny'), [
          { value: 'true', label: t('handlers.minorsOnly') },
          { value: 'false', label: t('handlers.minorsNot') },
        ])}
      </Col>
    </FilterBar>
  );
}
