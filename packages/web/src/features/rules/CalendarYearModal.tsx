import {
  App,
  AutoComplete,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { calendarApi, type CalendarDayKind, type CalendarYearInput } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { datesBetween, HOLIDAY_NAMES, stretchesOf } from './calendarDays';
import { NATIONAL } from './labels';
import { ruleKeys } from './useRules';

interface StretchValues {
  dates?: [Dayjs, Dayjs];
  kind: CalendarDayKind;
  nameZh?: string;
  nameEn?: string;
}

interface Values {
  year: number;
  source: string;
  replace?: boolean;
  stretches: StretchValues[];
}

interface Props {
  open: boolean;
  defaultYear: number;
  onClose: () => void;
  onSaved: (year: number) => void;
}

/** 录入年度安排: the State Council's notice for a year as stretches of days off and adjusted working days. */
export function CalendarYearModal({ open, defaultYear, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const idempotencyKeyFor = useIdempotencyKey();
  const year = (Form.useWatch('year', form) as number | null | undefined) ?? defaultYear;
  const stretches = Form.useWatch('stretches', form) as StretchValues[] | undefined;
  const existing = useQuery({
    queryKey: ruleKeys.calendar(year, NATIONAL),
    queryFn: ({ signal }) => calendarApi.year(year, NATIONAL, signal),
    enabled: open && year >= 2000 && year <= 2100,
  });
  const existingCount = existing.data?.length ?? 0;
  const total = (stretches ?? []).reduce(
    (n, s) => n + (s?.dates?.[0] && s.dates[1] ? s.dates[1].diff(s.dates[0], 'day') + 1 : 0),
    0,
  );

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input: CalendarYearInput = {
        jurisdiction: NATIONAL,
        year: values.year,
        source: values.source.trim(),
        ...(values.replace ? { replace: true } : {}),
        days: values.stretches.flatMap((s) =>
          s.dates
            ? datesBetween(s.dates[0].format('YYYY-MM-DD'), s.dates[1].format('YYYY-MM-DD')).map((date) => ({
                date,
                kind: s.kind,
                nameZh: (s.nameZh ?? '').trim(),
                nameEn: (s.nameEn ?? '').trim(),
              }))
            : [],
        ),
      };
      return calendarApi.addYear(input, idempotencyKeyFor(input));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      void message.success(
        t('calendar.saved', { year: saved.year, count: saved.days }) +
          (saved.recomputedClocks > 0 ? t('calendar.recomputed', { count: saved.recomputedClocks }) : ''),
      );
      onSaved(saved.year);
      close();
    },
  });

  function close() {
    save.reset();
    onClose();
  }

  const loadExisting = () => {
    const data = existing.data ?? [];
    form.setFieldsValue({
      source: data[0]?.source ?? '',
      replace: true,
      stretches: stretchesOf(data).map((s) => ({
        dates: [dayjs(s.from), dayjs(s.to)],
        kind: s.kind,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
      })),
    });
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('calendar.enterTitle')}
      name="calendarYear"
      form={form}
      firstField="source"
      initialValues={{ year: defaultYear, source: '', stretches: [{ kind: 'holiday' }] }}
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={{ CALENDAR_YEAR_EXISTS: existingCount > 0 ? 'replace' : 'year' }}
      width={900}
    >
      <Flex gap={16} wrap>
        <Form.Item
          label={t('calendar.formYear')}
          name="year"
          rules={[{ required: true, message: t('calendar.formYearRequired') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          label={t('calendar.formSource')}
          name="source"
          style={{ flex: '1 1 420px' }}
          rules={[
            { required: true, whitespace: true, message: t('calendar.formSourceRequired') },
            { min: 2, max: 300, message: t('calendar.formSourceRequired') },
          ]}
        >
          <Input maxLength={300} autoFocus placeholder={t('calendar.formSourcePlaceholder')} />
        </Form.Item>
      </Flex>
      {existingCount > 0 && (
        <Flex gap={12} align="baseline" wrap>
          <Form.Item
            name="replace"
            valuePropName="checked"
            extra={t('calendar.formReplaceHelp', { year, count: existingCount })}
          >
            <Checkbox>{t('calendar.formReplace', { year })}</Checkbox>
          </Form.Item>
          <Button size="small" onClick={loadExisting}>
            {t('calendar.loadExisting')}
          </Button>
        </Flex>
      )}
      <Typography.Text strong>{t('calendar.formDays')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('calendar.formDaysHelp')}
      </Typography.Paragraph>
      <Form.List name="stretches">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} wrap align="flex-start" className="stretch-row">
                <Form.Item
                  name={[field.name, 'dates']}
                  rules={[{ required: true, message: t('calendar.formDatesRequired') }]}
                  aria-label={t('calendar.formDates')}
                >
                  <DatePicker.RangePicker
                    style={{ width: 250 }}
                    defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                    aria-label={`${t('calendar.formDates')} ${index + 1}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']}>
                  <Select
                    style={{ width: 130 }}
                    aria-label={t('calendar.formKind')}
                    options={[
                      { value: 'holiday', label: t('calendar.holiday') },
                      { value: 'adjusted_workday', label: t('calendar.adjustedWorkday') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'nameZh']}
                  rules={[{ required: true, whitespace: true, message: t('calendar.formNameRequired') }]}
                >
                  <AutoComplete
                    style={{ width: 130 }}
                    aria-label={t('calendar.formNameZh')}
                    placeholder={t('calendar.formNameZh')}
                    options={HOLIDAY_NAMES.map((h) => ({ value: h.nameZh }))}
                    onSelect={(value: string) => {
                      const preset = HOLIDAY_NAMES.find((h) => h.nameZh === value);
                      if (preset) form.setFieldValue(['stretches', field.name, 'nameEn'], preset.nameEn);
                    }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'nameEn']}
                  rules={[{ required: true, whitespace: true, message: t('calendar.formNameRequired') }]}
                >
                  <Input
                    style={{ width: 180 }}
                    aria-label={t('calendar.formNameEn')}
                    placeholder={t('calendar.formNameEn')}
                    maxLength={80}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={t('calendar.removeRow')}
                  title={t('calendar.removeRow')}
                  onClick={() => remove(field.name)}
                  disabled={fields.length === 1}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ kind: 'holiday' })}
              >
                {t('calendar.addRow')}
              </Button>
              <Typography.Text type="secondary">{t('calendar.totalDays', { count: total })}</Typography.Text>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
