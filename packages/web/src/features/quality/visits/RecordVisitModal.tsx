import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio, Rate, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { Citation } from '../../rules/Citation';
import { visitKeys, visitsApi, type VisitItem } from './visitsApi';

interface Values {
  reached: boolean;
  answers?: Record<string, string>;
  satisfaction?: number;
  comment?: string;
}

/** 电话回访: the script in force, the answers, the satisfaction 1–5 and the recipient's words. */
export function RecordVisitModal({ visit, onClose }: { visit: VisitItem | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const detail = useQuery({
    queryKey: visitKeys.detail(visit?.id ?? ''),
    queryFn: () => visitsApi.detail(visit?.id ?? ''),
    enabled: visit !== null,
  });
  const reached = Form.useWatch('reached', form) ?? true;
  const save = useMutation({
    mutationFn: (v: Values) =>
      visitsApi.record(
        visit?.id ?? '',
        {
          reached: v.reached,
          answers: v.reached ? Object.fromEntries(Object.entries(v.answers ?? {}).filter(([, a]) => a)) : {},
          ...(v.reached && v.satisfaction ? { satisfaction: v.satisfaction } : {}),
          ...(v.comment ? { comment: v.comment } : {}),
        },
        key,
      ),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: visitKeys.list });
      void queryClient.invalidateQueries({ queryKey: visitKeys.reviews });
      void message.success(result.reviewId ? t('visits.reviewOpened') : t('visits.saved'));
      onClose();
    },
  });
  const d = detail.data;
  const required = { required: true, message: t('visits.required') };
  return (
    <Modal
      open={visit !== null}
      title={t('visits.recordTitle', { number: visit?.applicationNumber ?? '' })}
      okText={t('visits.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {!d ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ reached: true }}
          onFinish={(v) => save.mutate(v)}
        >
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('visits.recipient')}>
              {d.recipient.name} <span className="mono">{d.recipient.phone}</span>
            </Descriptions.Item>
          </Descriptions>
          <Form.Item name="reached" label={t('visits.reached')}>
            <Radio.Group
              options={[
                { value: true, label: t('visits.reachedYes') },
                { value: false, label: t('visits.reachedNo') },
              ]}
            />
          </Form.Item>
          {reached &&
            d.script.map((q) => (
              <Form.Item
                key={q.code}
                name={['answers', q.code]}
                label={i18n.language === 'en-US' ? q.nameEn : q.nameZh}
                extra={<Citation citation={q.citation} />}
                rules={q.answer === 'yes_no' ? [required] : []}
              >
                {q.answer === 'yes_no' ? (
                  <Radio.Group
                    options={[
                      { value: 'yes', label: t('visits.yes') },
                      { value: 'no', label: t('visits.no') },
                    ]}
                  />
                ) : (
                  <Input.TextArea rows={2} maxLength={2000} />
                )}
              </Form.Item>
            ))}
          {reached && (
            <Form.Item name="satisfaction" label={t('visits.satisfactionLabel')} rules={[required]}>
              <Rate count={5} />
            </Form.Item>
          )}
          <Form.Item name="comment" label={t('visits.comment')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {save.isError && (
            <Alert type="error" showIcon role="alert" title={errorMessage(save.error, t('errors.network'))} />
          )}
        </Form>
      )}
    </Modal>
  );
}
