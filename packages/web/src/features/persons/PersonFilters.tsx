import { useEffect } from 'react';
import { Col, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICANT_CATEGORIES, DOCUMENT_TYPES } from '@fayuan/domain';
import type { ApplicantCategory, DocumentType, PersonListParams } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { categoryLabel } from './labels';

interface Values {
  q?: string;
  category?: ApplicantCategory;
  documentType?: DocumentType;
}

interface Props {
  params: PersonListParams;
  onChange: (filters: Values) => void;
}

/** The query bar above the applicants table; aria-labels differ from the dialog's field labels. */
export function PersonFilters({ params, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    form.setFieldsValue({ q: params.q, category: params.category, documentType: params.documentType });
  }, [form, params.q, params.category, params.documentType]);

  const submit = (values: Values) =>
    onChange({
      q: values.q?.trim() || undefined,
      category: values.category,
      documentType: values.documentType,
    });

  return (
    <FilterBar
      form={form}
      name="personFilters"
      search={{
        label: t('persons.keyword'),
        placeholder: t('persons.keywordPlaceholder'),
        maxLength: 100,
        col: { xs: 24, md: 24, xl: 8 },
      }}
      actionsCol={{ xs: 24, md: 8, xl: 6 }}
      onSearch={submit}
      onReset={() => onChange({})}
    >
      <Col xs={12} md={8} xl={5}>
        <Form.Item name="category">
          <Select
            allowClear
            aria-label={t('persons.categoryFilter')}
            placeholder={t('persons.allCategories')}
            options={APPLICANT_CATEGORIES.map((c) => ({
              value: c,
              label: categoryLabel(c, i18n.language),
            }))}
            popupMatchSelectWidth={false}
            onChange={(category: ApplicantCategory | undefined) =>
              submit({ ...form.getFieldsValue(), category })
            }
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Form.Item name="documentType">
          <Select
            allowClear
            aria-label={t('persons.documentTypeFilter')}
            placeholder={t('persons.allDocumentTypes')}
            options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`persons.documentTypes.${d}`) }))}
            popupMatchSelectWidth={false}
            onChange={(documentType: DocumentType | undefined) =>
              submit({ ...form.getFieldsValue(), documentType })
            }
          />
        </Form.Item>
      </Col>
    </FilterBar>
  );
}
