import { useEffect } from 'react';
import { Col, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ConsultationChannel, ConsultationListParams, ConsultationOutcome } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { MatterSelect } from '../../components/MatterSelect';
import { CHANNELS, OUTCOMES } from './codes';
import { useColleagues } from './useColleagues';

interface Values {
  q?: string;
  channel?: ConsultationChannel;
  outcome?: ConsultationOutcome;
  topicMatter?: string;
  ownerUserId?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

export type ConsultationFilterValues = Pick<
  ConsultationListParams,
  'q' | 'channel' | 'outcome' | 'topicMatter' | 'ownerUserId' | 'from' | 'to'
>;

interface Props {
  params: ConsultationListParams;
  onChange: (filters: ConsultationFilterValues) => void;
}

/** The query bar above the consultations table. */
export function ConsultationFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const colleagues = useColleagues();

  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      channel: params.channel,
      outcome: params.outcome,
      topicMatter: params.topicMatter,
      ownerUserId: params.ownerUserId,
      dates:
        params.from || params.to
          ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]
          : null,
    });
  }, [
    form,
    params.q,
    params.channel,
    params.outcome,
    params.topicMatter,
    params.ownerUserId,
    params.from,
    params.to,
  ]);

  const submit = (values: Values) =>
    onChange({
      q: values.q?.trim() || undefined,
      channel: values.channel,
      outcome: values.outcome,
      topicMatter: values.topicMatter,
      ownerUserId: values.ownerUserId,
      from: values.dates?.[0]?.format('YYYY-MM-DD'),
      to: values.dates?.[1]?.format('YYYY-MM-DD'),
    });
  const submitWith = (patch: Partial<Values>) => submit({ ...form.getFieldsValue(), ...patch });

  return (
    <FilterBar
      form={form}
      name="consultationFilters"
      search={{
        label: t('consultations.keyword'),
        placeholder: t('consultations.keywordPlaceholder'),
        maxLength: 100,
        col: { xs: 24, md: 12, xl: 8 },
      }}
      actionsCol={{ xs: 24, md: 24, xl: 8 }}
      onSearch={submit}
      onReset={() => onChange({})}
    >
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="dates">
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            aria-label={t('consultations.dateRange')}
            placeholder={[t('consultations.from'), t('consultations.to')]}
            onChange={(dates) => submitWith({ dates })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={8}>
        <Form.Item name="topicMatter">
          <MatterSelect
            includeOther
            allowClear
            aria-label={t('consultations.topicFilter')}
            placeholder={t('consultations.allTopics')}
            onChange={(topicMatter) => submitWith({ topicMatter: topicMatter as string | undefined })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Form.Item name="channel">
          <Select
            allowClear
            aria-label={t('consultations.channelFilter')}
            placeholder={t('consultations.allChannels')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`consultations.channels.${c}`) }))}
            popupMatchSelectWidth={false}
            onChange={(channel: ConsultationChannel | undefined) => submitWith({ channel })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Form.Item name="outcome">
          <Select
            allowClear
            aria-label={t('consultations.outcomeFilter')}
            placeholder={t('consultations.allOutcomes')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`consultations.outcomes.${o}`) }))}
            popupMatchSelectWidth={false}
            onChange={(outcome: ConsultationOutcome | undefined) => submitWith({ outcome })}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Form.Item name="ownerUserId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={colleagues.isPending}
            aria-label={t('consultations.ownerFilter')}
            placeholder={t('consultations.allStaff')}
            options={(colleagues.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.displayName}（${c.organisationName}）`,
            }))}
            popupMatchSelectWidth={false}
            onChange={(ownerUserId: string | undefined) => submitWith({ ownerUserId })}
          />
        </Form.Item>
      </Col>
    </FilterBar>
  );
}
