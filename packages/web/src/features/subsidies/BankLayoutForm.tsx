import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorState';
import { subsidyAreaApi, subsidyAreaKeys, type BankLayout } from './subsidiesApi';

const FIELDS = [
  'reference',
  'payeeName',
  'accountName',
  'accountNumber',
  'bankName',
  'amountYuan',
  'amountFen',
  'purpose',
  'subsidyCount',
] as const;
const RETURN_FIELDS = ['reference', 'status', 'bankSerial', 'date', 'message'] as const;

type Values = Omit<BankLayout, 'successValues'> & { successValues: string };

/** 银行文件格式: the columns of the bank transfer file and the headers read from the return file. */
export function BankLayoutForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: subsidyAreaKeys.layout, queryFn: () => subsidyAreaApi.layout() });
  useEffect(() => {
    if (query.data)
      form.setFieldsValue({ ...query.data.layout, successValues: query.data.layout.successValues.join(',') });
  }, [query.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      subsidyAreaApi.saveLayout(
        {
          ...v,
          successValues: v.successValues
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
        query.data?.version ?? 0,
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(subsidyAreaKeys.layout, next);
      void message.success(t('subsidyArea.layout.saved'));
    },
  });
  if (!query.data) return <Spin />;
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 720 }} onFinish={(v) => save.mutate(v)}>
      <Typography.Paragraph type="secondary">{t('subsidyArea.layout.intro')}</Typography.Paragraph>
      {save.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(save.error, t('errors.network'))}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item name="format" label={t('subsidyArea.layout.format')}>
        <Radio.Group
          options={[
            { value: 'xlsx', label: 'Excel (.xlsx)' },
            { value: 'csv', label: 'CSV (UTF-8)' },
          ]}
        />
      </Form.Item>
      <Typography.Text strong>{t('subsidyArea.layout.columns')}</Typography.Text>
      <Form.List name="columns">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={[field.name, 'header']} rules={[{ required: true, whitespace: true }]}>
                  <Input
                    placeholder={t('subsidyArea.layout.header')}
                    aria-label={t('subsidyArea.layout.header')}
                    maxLength={40}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'field']} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 180 }}
                    aria-label={t('subsidyArea.layout.field')}
                    options={FIELDS.map((f) => ({ value: f, label: t(`subsidyArea.layout.fields.${f}`) }))}
                  />
                </Form.Item>
                {fields.length > 1 && (
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
                )}
              </Space>
            ))}
            <Form.Item>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ header: '', field: 'reference' })}
              >
                {t('subsidyArea.layout.add')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Text strong>{t('subsidyArea.layout.returnColumns')}</Typography.Text>
      <Space wrap style={{ marginTop: 8 }}>
        {RETURN_FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={['returnColumns', f]}
            label={t(`subsidyArea.layout.returnFields.${f}`)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item
        name="successValues"
        label={t('subsidyArea.layout.successValues')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('subsidyArea.layout.save')}
      </Button>
    </Form>
  );
}
