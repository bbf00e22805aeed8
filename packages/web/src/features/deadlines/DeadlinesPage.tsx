import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { eligibilityApi, type DeadlineInput, type PeriodUnit } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { asBeijingInstant, beijingNow, beijingToday } from '../rules/beijingTime';
import { Citation } from '../rules/Citation';
import { BEIJING, localName, NATIONAL } from '../rules/labels';
import { mostLocal, useRuleRows } from '../rules/useRules';
import { DeadlineResult } from './DeadlineResult';

const CUSTOM = 'custom';
const UNITS: PeriodUnit[] = ['calendar_days', 'working_days', 'hours'];
const DATE_TIME = 'YYYY-MM-DD HH:mm';

interface Values {
  kind: string;
  amount?: number;
  unit?: PeriodUnit;
  start: Dayjs;
  pauses?: { range?: [Dayjs, Dayjs] }[];
}

/** 期限计算: when a statutory (or custom) period ends, on the official holiday calendar, Beijing time. */
export default function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [today] = useState(beijingToday);
  const periods = useRuleRows('period', BEIJING, today);
  const rules = useMemo(
    () =>
      mostLocal(periods.data ?? [], [NATIONAL, BEIJING]).sort((a, b) =>
        String(a.data.kind).localeCompare(String(b.data.kind)),
      ),
    [periods.data],
  );
  const kind = Form.useWatch('kind', form);
  const chosen = rules.find((r) => r.key === kind);

  const amountText = (amount: unknown, unit: unknown) =>
    t(`rules.amount.${String(unit)}` as 'rules.amount.calendar_days', {
      count: Number(amount),
      defaultValue: `${String(amount)} ${String(unit)}`,
    });

  const compute = useMutation({
    mutationFn: (values: Values) => {
      const pauses = (values.pauses ?? [])
        .filter((p) => p.range)
        .map((p) => ({ from: asBeijingInstant(p.range![0]), to: asBeijingInstant(p.range![1]) }));
      const common = { start: asBeijingInstant(values.start), jurisdiction: BEIJING, pauses };
      const input: DeadlineInput =
        values.kind === CUSTOM
          ? { ...common, kind: CUSTOM, amount: values.amount ?? 0, unit: values.unit ?? 'calendar_days' }
          : { ...common, kind: values.kind };
      return eligibilityApi.deadline(input);
    },
  });

  return (
    <>
      <PageHeader title={t('deadlines.title')} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('deadlines.intro')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card variant="borderless">
            <Form<Values>
              form={form}
              name="deadline"
              layout="vertical"
              requiredMark={false}
              initialValues={{ start: beijingNow(), unit: 'calendar_days', pauses: [] }}
              onFinish={(values) => compute.mutate(values)}
            >
              <Form.Item
                label={t('deadlines.kind')}
                name="kind"
                rules={[{ required: true, message: t('deadlines.kindRequired') }]}
                extra={chosen ? <Citation citation={chosen.citation} /> : undefined}
              >
                <Select
                  placeholder={t('deadlines.kindPlaceholder')}
                  loading={periods.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={[
                    ...rules.map((r) => ({
                      value: r.key,
                      label: `${localName(r.data, i18n.language) ?? r.key} · ${amountText(r.data.amount, r.data.unit)}`,
                    })),
                    { value: CUSTOM, label: t('deadlines.custom') },
                  ]}
                />
              </Form.Item>
              {kind === CUSTOM && (
                <Flex gap={16} wrap>
                  <Form.Item
                    label={t('deadlines.amount')}
                    name="amount"
                    rules={[{ required: true, message: t('deadlines.amountRequired') }]}
                  >
                    <InputNumber min={0} max={3650} precision={0} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item label={t('deadlines.unit')} name="unit">
                    <Select
                      style={{ width: 180 }}
                      options={UNITS.map((u) => ({ value: u, label: t(`rules.unit.${u}`) }))}
                    />
                  </Form.Item>
                </Flex>
              )}
              <Form.Item
                label={t('deadlines.start')}
                name="start"
                extra={t('deadlines.startHelp')}
                rules={[{ required: true, message: t('deadlines.startRequired') }]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: 240 }} />
              </Form.Item>
              <Form.Item label={t('deadlines.pauses')} extra={t('deadlines.pausesHelp')}>
                <Form.List name="pauses">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((field, index) => (
                        <Flex key={field.key} gap={8} align="flex-start">
                          <Form.Item
                            name={[field.name, 'range']}
                            rules={[{ required: true, message: t('deadlines.pauseRequired') }]}
                            style={{ marginBottom: 0 }}
                          >
                            <DatePicker.RangePicker
                              showTime={{ format: 'HH:mm' }}
                              format={DATE_TIME}
                              aria-label={`${t('deadlines.pauses')} ${index + 1}`}
                            />
                          </Form.Item>
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined aria-hidden />}
                            aria-label={t('deadlines.removePause')}
                            title={t('deadlines.removePause')}
                            onClick={() => remove(field.name)}
                          />
                        </Flex>
                      ))}
                      <div>
                        <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                          {t('deadlines.addPause')}
                        </Button>
                      </div>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={compute.isPending}>
                {t('deadlines.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <div aria-live="polite">
            {compute.isError ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('deadlines.failed')}
                description={errorMessage(compute.error, t('errors.network'))}
              />
            ) : compute.data ? (
              <DeadlineResult
                deadline={compute.data}
                periodName={
                  compute.data.kind === CUSTOM
                    ? t('deadlines.custom')
                    : (localName(rules.find((r) => r.key === compute.data.kind)?.data ?? {}, i18n.language) ??
                      compute.data.kind)
                }
                amountText={amountText(compute.data.amount, compute.data.unit)}
              />
            ) : (
              <Card variant="borderless">
                <Typography.Text type="secondary">{t('deadlines.resultPlaceholder')}</Typography.Text>
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
