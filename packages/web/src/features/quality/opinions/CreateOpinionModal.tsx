import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { opinionKeys, opinionsApi, type CaseLookup } from './opinionsApi';

type OrganKind = NonNullable<CaseLookup['suggested']>['organKind'];
const ORGAN_KINDS: OrganKind[] = ['court', 'procuratorate', 'police'];

interface Values {
  organKind: OrganKind;
  organName: string;
  partnerId?: string | null;
  dueOn?: Dayjs;
}

/** 发起征询: find the case by its number, check the organ suggested from it, preview the items. */
export function CreateOpinionModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const find = useMutation({
    mutationFn: (n: string) => opinionsApi.findCase(n),
    onSuccess: (c) =>
      form.setFieldsValue({
        organKind: c.suggested?.organKind ?? 'court',
        organName: c.suggested?.organName ?? '',
        partnerId: c.suggested?.partnerId ?? null,
      }),
  });
  const found = find.data;
  const organKind = Form.useWatch('organKind', form);
  const create = useMutation({
    mutationFn: (v: Values) =>
      opinionsApi.create(
        {
          applicationId: found?.applicationId ?? '',
          organKind: v.organKind,
          organName: v.organName,
          partnerId: v.partnerId ?? null,
          ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
        },
        key,
      ),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: opinionKeys.all });
      find.reset();
      setNumber('');
      onCreated(result.id);
    },
  });
  const close = () => {
    find.reset();
    create.reset();
    setNumber('');
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('opinions.createTitle')}
      okText={t('opinions.createOk')}
      okButtonProps={{ disabled: !found }}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={close}
      destroyOnHidden
    >
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label={t('opinions.caseNumber')}
          placeholder={t('opinions.caseNumberPlaceholder')}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          onPressEnter={() => number.trim() && find.mutate(number.trim())}
        />
        <Button loading={find.isPending} disabled={!number.trim()} onClick={() => find.mutate(number.trim())}>
          {t('opinions.findCase')}
        </Button>
      </Space.Compact>
      {find.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(find.error, t('errors.network'))} />
      )}
      {found && (
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => create.mutate(v)}>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('opinions.application')}>
              <span className="mono">{found.applicationNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('opinions.handler')}>{found.handlerName ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="organKind" label={t('opinions.organKind')} rules={[{ required: true }]}>
            <Select
              options={ORGAN_KINDS.map((k) => ({ value: k, label: t(`opinions.organKinds.${k}`) }))}
              onChange={() => form.setFieldValue('partnerId', null)}
            />
          </Form.Item>
          <Form.Item
            name="organName"
            label={t('opinions.organName')}
            rules={[{ required: true, whitespace: true, message: t('opinions.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="partnerId" label={t('opinions.partner')} extra={t('opinions.partnerHelp')}>
            <Select
              allowClear
              placeholder={t('opinions.noPartner')}
              options={found.partners
                .filter((p) => p.kind === organKind)
                .map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="dueOn" label={t('opinions.dueOn')} extra={t('opinions.dueOnHelp')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Text strong>{t('opinions.itemsPreview')}</Typography.Text>
          <List
            size="small"
            dataSource={found.items}
            renderItem={(item, n) => (
              <List.Item>
                {n + 1}. {i18n.language === 'en-US' ? item.nameEn : item.nameZh}
              </List.Item>
            )}
          />
          {create.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(create.error, t('errors.network'))}
            />
          )}
        </Form>
      )}
    </Modal>
  );
}
