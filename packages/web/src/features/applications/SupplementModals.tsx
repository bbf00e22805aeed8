import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type ApplicationMaterial } from '../../api';
import { FormModal, SubmitFormModal } from '../../components/FormModal';
import { Citation } from '../rules/Citation';
import {
  materialKey,
  outstandingMaterials,
  toSupplementInput,
  type SupplementValues,
} from './actionRequests';
import { itemName } from './labels';
import { materialFormsOf, type IntakeValues } from './applicationFormValues';
import { useApplicationAction } from './useApplicationAction';
import { beforeBeijingToday } from '../rules/beijingTime';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

function MaterialName({ material }: { material: ApplicationMaterial }) {
  const { i18n } = useTranslation();
  return <>{material.label ?? itemName(material, i18n.language)}</>;
}

/** 补充材料通知: one notice listing every missing material at once, plus any extra item (LAL art.43(2)). */
export function SupplementModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SupplementValues>();
  const missing = application.materials.filter((m) => m.status === 'missing');
  const send = useApplicationAction(
    application.id,
    (values: SupplementValues) =>
      applicationsApi.requestSupplement(application.id, toSupplementInput(values)),
    t('applications.actions.done', { action: t('applications.actions.requestSupplement') }),
    onClose,
  );
  return (
    <SubmitFormModal<SupplementValues>
      open={open}
      title={t('applications.supplement.title')}
      name="supplementRequest"
      form={form}
      firstField="dueDate"
      width={640}
      initialValues={{ extraItems: [] }}
      okText={t('applications.supplement.submit')}
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('applications.supplement.intro')}</Typography.Paragraph>
      <Typography.Text strong>{t('applications.supplement.missing')}</Typography.Text>
      {missing.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {t('applications.supplement.noneMissing')}
        </Typography.Paragraph>
      ) : (
        <ul className="missing-list" aria-label={t('applications.supplement.missing')}>
          {missing.map((m) => (
            <li key={materialKey(m)}>
              <MaterialName material={m} />
              {m.citation && <Citation citation={m.citation} />}
            </li>
          ))}
        </ul>
      )}
      <Form.Item label={t('applications.supplement.extraItems')} style={{ marginBottom: 8 }}>
        <Form.List name="extraItems">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8}>
                  <Form.Item
                    name={field.name}
                    noStyle
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('applications.supplement.extraRequired'),
                      },
                    ]}
                  >
                    <Input
                      maxLength={200}
                      placeholder={t('applications.supplement.extraItemPlaceholder')}
                      aria-label={`${t('applications.supplement.extraItems')} ${index + 1}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('applications.supplement.removeExtra')} ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                {t('applications.supplement.addExtra')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        label={t('applications.supplement.dueDate')}
        name="dueDate"
        extra={t('applications.supplement.dueDateHelp')}
      >
        <DatePicker style={{ width: 200 }} disabledDate={beforeBeijingToday} />
      </Form.Item>
    </SubmitFormModal>
  );
}

interface ReceivedValues {
  provided: string[];
  /** 份数 and 原件/复印件 per ticked item, as typed beside it. */
  forms?: IntakeValues['materialForms'];
}

/** 登记收到材料: tick what came in; once every requested item is in, the review clock runs again. */
export function MaterialsReceivedModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReceivedValues>();
  const outstanding = outstandingMaterials(application.materials);
  const ticked = new Set<string>(Form.useWatch('provided', form) ?? []);
  const record = useApplicationAction(
    application.id,
    (values: ReceivedValues) =>
      applicationsApi.materialsReceived(application.id, {
        provided: values.provided,
        forms: materialFormsOf(values.provided, values.forms),
      }),
    t('applications.actions.done', { action: t('applications.actions.materialsReceived') }),
    onClose,
  );
  const close = () => {
    record.reset();
    onClose();
  };
  return (
    <FormModal<ReceivedValues>
      open={open}
      title={t('applications.received.title')}
      name="materialsReceived"
      form={form}
      firstField="provided"
      width={600}
      initialValues={{ provided: [] }}
      onFinish={(values) => record.mutate(values)}
      onCancel={close}
      submitting={record.isPending}
      error={record.error}
    >
      <Typography.Paragraph type="secondary">{t('applications.received.intro')}</Typography.Paragraph>
      {outstanding.length === 0 ? (
        <Typography.Text type="secondary">{t('applications.received.nothingOutstanding')}</Typography.Text>
      ) : (
        <Form.Item
          label={t('applications.received.provided')}
          name="provided"
          rules={[
            { required: true, type: 'array', min: 1, message: t('applications.received.providedRequired') },
          ]}
        >
          <Checkbox.Group>
            <Flex vertical gap={8}>
              {outstanding.map((m) => (
                <Checkbox key={materialKey(m)} value={materialKey(m)}>
                  <MaterialName material={m} />{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`applications.materialStatus.${m.status}`)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
      {/* 份数 and 原件/复印件 of what came in: the records keep them beside the material. */}
      {outstanding
        .filter((m) => ticked.has(materialKey(m)))
        .map((m) => (
          <Flex key={materialKey(m)} gap={12} align="center" wrap>
            <Typography.Text style={{ minWidth: 180 }}>
              <MaterialName material={m} />
            </Typography.Text>
            <Form.Item
              name={['forms', materialKey(m), 'copies']}
              label={t('applications.intake.copies')}
              style={{ marginBottom: 8 }}
            >
              <InputNumber min={1} max={99} precision={0} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name={['forms', materialKey(m), 'original']} style={{ marginBottom: 8 }}>
              <Radio.Group
                optionType="button"
                size="small"
                options={[
                  { value: true, label: t('applications.intake.original') },
                  { value: false, label: t('applications.intake.copy') },
                ]}
              />
            </Form.Item>
          </Flex>
        ))}
    </FormModal>
  );
}
