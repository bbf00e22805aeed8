import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type DeliveryMethod } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { FileUpload } from '../../components/FileUpload';
import { afterBeijingToday, beijingDateTime, beijingTodayValue } from '../rules/beijingTime';
import { useApplicationAction } from './useApplicationAction';

export const DELIVERY_METHODS: DeliveryMethod[] = ['in_person', 'post', 'sms', 'electronic', 'public_notice'];

/** The documents whose delivery may be recorded: issued, not yet delivered; decisions first. */
export function undeliveredDocuments(application: ApplicationDetail) {
  const delivered = new Set(application.deliveries.map((d) => d.documentId));
  const first = (kind: string) => (kind === 'refusal_decision' || kind === 'termination_decision' ? 0 : 1);
  return application.documents
    .filter((d) => !delivered.has(d.id) && d.kind !== 'receipt')
    .sort((x, y) => first(x.kind) - first(y.kind));
}

interface DeliveryValues {
  documentId: string;
  method: DeliveryMethod;
  deliveredOn: Dayjs;
  deliveredBy: string;
  proofAttachmentId?: string;
  smsReportRef?: string;
}

/**
 * 记录送达: how and when an issued document reached the applicant, by whom, with its proof (a
 * scanned receipt, or an SMS's delivery report). A refusal's objection period runs from this day
 * (BJR art.24), so the day is a Beijing calendar day, not in the future nor before the document.
 */
export function DeliveryModal({
  application,
  open,
  onClose,
}: {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeliveryValues>();
  const [proofName, setProofName] = useState<string | null>(null);
  const documents = undeliveredDocuments(application);
  const documentId = Form.useWatch('documentId', form);
  const method = Form.useWatch('method', form);
  const issuedOn = (id: string | undefined) => {
    const document = application.documents.find((d) => d.id === id);
    return document ? beijingDateTime(document.issuedAt).date : null;
  };
  const upload = useMutation({
    mutationFn: (file: File) => applicationsApi.uploadAttachment(application.id, file),
    onSuccess: (attachment) => {
      form.setFieldValue('proofAttachmentId', attachment.id);
      setProofName(attachment.fileName);
    },
  });
  const send = useApplicationAction(
    application.id,
    (values: DeliveryValues) =>
      applicationsApi.recordDelivery(application.id, {
        documentId: values.documentId,
        method: values.method,
        deliveredOn: values.deliveredOn.format('YYYY-MM-DD'),
        deliveredBy: values.deliveredBy.trim(),
        ...(values.proofAttachmentId ? { proofAttachmentId: values.proofAttachmentId } : {}),
        ...(values.smsReportRef?.trim() ? { smsReportRef: values.smsReportRef.trim() } : {}),
      }),
    t('applications.actions.done', { action: t('applications.delivery.action') }),
    () => {
      setProofName(null);
      onClose();
    },
  );
  const earliest = issuedOn(documentId);
  return (
    <SubmitFormModal<DeliveryValues>
      open={open}
      title={t('applications.delivery.title')}
      name="delivery"
      form={form}
      firstField="documentId"
      width={640}
      initialValues={{ documentId: documents[0]?.id, method: 'in_person', deliveredOn: beijingTodayValue() }}
      errorFields={{
        DELIVERY_DATE_IN_FUTURE: 'deliveredOn',
        DELIVERY_BEFORE_DOCUMENT: 'deliveredOn',
        DELIVERY_PROOF_REQUIRED: method === 'sms' ? 'smsReportRef' : 'proofAttachmentId',
        DELIVERY_PROOF_UNKNOWN: 'proofAttachmentId',
      }}
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('applications.delivery.intro')}</Typography.Paragraph>
      <Form.Item
        label={t('applications.delivery.document')}
        name="documentId"
        rules={[{ required: true, message: t('applications.delivery.documentRequired') }]}
      >
        <Select
          options={documents.map((d) => ({
            value: d.id,
            label: `${t(`applications.documents.${d.kind}`)} ${d.number}`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('applications.delivery.method')} name="method" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={DELIVERY_METHODS.map((m) => ({
            value: m,
            label: t(`applications.delivery.methods.${m}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('applications.delivery.deliveredOn')}
        name="deliveredOn"
        extra={t('applications.delivery.deliveredOnHelp')}
        rules={[{ required: true, message: t('applications.delivery.deliveredOnRequired') }]}
      >
        <DatePicker
          disabledDate={(day) =>
            afterBeijingToday(day) || (earliest !== null && day.format('YYYY-MM-DD') < earliest)
          }
        />
      </Form.Item>
      <Form.Item
        label={t('applications.delivery.deliveredBy')}
        name="deliveredBy"
        rules={[
          { required: true, whitespace: true, message: t('applications.delivery.deliveredByRequired') },
        ]}
      >
        <Input maxLength={200} placeholder={t('applications.delivery.deliveredByPlaceholder')} />
      </Form.Item>
      {method === 'sms' && (
        <Form.Item
          label={t('applications.delivery.smsReportRef')}
          name="smsReportRef"
          extra={t('applications.delivery.smsReportRefHelp')}
        >
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item
        label={t('applications.delivery.proof')}
        name="proofAttachmentId"
        extra={proofName ?? t('applications.delivery.proofHelp')}
      >
        <FileUpload upload={upload}>
          <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
            {t('applications.delivery.upload')}
          </Button>
        </FileUpload>
      </Form.Item>
    </SubmitFormModal>
  );
}
