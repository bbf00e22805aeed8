import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  App,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../components/ErrorState';
import { useCan } from '../../auth/session';
import { beijingTodayValue } from '../../rules/beijingTime';
import { fundingApi, fundingKeys, type DonationDetail } from '../fundingApi';
import { formatFen, yuanToFen } from '../money';

/** One donation: the receipt, its uses, and (finance) a use to record. */
export function DonationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [using, setUsing] = useState(false);
  const detail = useQuery({
    queryKey: fundingKeys.donation(id ?? ''),
    queryFn: () => fundingApi.donation(id!),
    enabled: id !== null,
  });
  const d = detail.data;
  const money = (fen: number) => formatFen(fen, i18n.language);
  const receipt = useMutation({
    mutationFn: async (donationId: string) => {
      const { blob } = await fundingApi.receipt(donationId);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    },
  });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={d ? d.receiptNumber : t('funding.donations.title')}
      destroyOnHidden
      extra={
        d && (
          <Flex gap={8}>
            <Button loading={receipt.isPending} onClick={() => receipt.mutate(d.id)}>
              {t('funding.donations.receipt')}
            </Button>
            {can('funding.manage') && d.leftFen > 0 && (
              <Button type="primary" onClick={() => setUsing(true)}>
                {t('funding.donations.addUse')}
              </Button>
            )}
          </Flex>
        )
      }
    >
      {(detail.isError || receipt.isError) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(detail.error ?? receipt.error, t('errors.network'))}
        />
      )}
      {d && (
        <Flex vertical gap={24}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('funding.donations.donorName')}>
              {d.donorName}（{t(`funding.donorKinds.${d.donorKind}`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.donations.receivedOn')}>{d.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('funding.donations.purpose')} span={2}>
              {d.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.donations.amount')}>{money(d.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('funding.donations.used')}>{money(d.usedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('funding.donations.left')}>
              <span data-testid="donation-left">{money(d.leftFen)}</span>
            </Descriptions.Item>
          </Descriptions>
          <Table<DonationDetail['uses'][number]>
            title={() => t('funding.donations.uses')}
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: t('funding.donations.noUses') }}
            dataSource={d.uses}
            columns={[
              { title: t('funding.donations.usedOn'), dataIndex: 'usedOn' },
              { title: t('funding.donations.useDescription'), dataIndex: 'description' },
              {
                title: t('funding.donations.budgetLine'),
                dataIndex: ['budgetLine', 'name'],
              },
              {
                title: t('funding.donations.case'),
                dataIndex: 'application',
                render: (a: DonationDetail['uses'][number]['application']) =>
                  a ? <span className="mono">{a.number}</span> : '—',
              },
              { title: t('funding.donations.amount'), dataIndex: 'amountFen', align: 'right', render: money },
            ]}
          />
        </Flex>
      )}
      {d && <UseModal donation={d} open={using} onClose={() => setUsing(false)} />}
    </Drawer>
  );
}

interface UseValues {
  budgetLineId: string;
  amountYuan: number;
  usedOn: Dayjs;
  description: string;
  applicationNumber?: string;
}

/** 登记使用: spent from a budget line of the use's year, optionally for a case; never above what is left. */
function UseModal({
  donation,
  open,
  onClose,
}: {
  donation: DonationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UseValues>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const usedOn = Form.useWatch('usedOn', form) ?? beijingTodayValue();
  const year = dayjs(usedOn).year();
  const lines = useQuery({
    queryKey: fundingKeys.lines(year),
    queryFn: () => fundingApi.lines(year),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: UseValues) =>
      fundingApi.useDonation(
        donation.id,
        {
          budgetLineId: v.budgetLineId,
          amountFen: yuanToFen(v.amountYuan),
          usedOn: v.usedOn.format('YYYY-MM-DD'),
          description: v.description,
          ...(v.applicationNumber?.trim() ? { applicationNumber: v.applicationNumber.trim() } : {}),
        },
        key,
      ),
    onSuccess: (result) => {
      setKey(crypto.randomUUID());
      void message.success(
        t('funding.donations.recorded', { left: formatFen(result.leftFen, i18n.language) }),
      );
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('funding.donations.useTitle')}
      okText={t('funding.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<UseValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ usedOn: beijingTodayValue() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="usedOn"
          label={t('funding.donations.usedOn')}
          rules={[{ required: true, message: t('funding.required') }]}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="budgetLineId"
          label={t('funding.donations.budgetLine')}
          extra={t('funding.donations.budgetLineHelp')}
          rules={[{ required: true, message: t('funding.required') }]}
        >
          <Select
            loading={lines.isPending}
            options={(lines.data?.items ?? []).map((l) => ({
              value: l.id,
              label: `${l.name}（${formatFen(l.availableFen, i18n.language)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('funding.amountYuan')}
          extra={`${t('funding.donations.left')} ${formatFen(donation.leftFen, i18n.language)}`}
          rules={[{ required: true, type: 'number', min: 0.01, message: t('funding.required') }]}
        >
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('funding.donations.useDescription')}
          rules={[{ required: true, whitespace: true, message: t('funding.required') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="applicationNumber" label={t('funding.donations.caseNumber')}>
          <Input maxLength={100} />
        </Form.Item>
        {save.isError && (
          <Alert type="error" showIcon role="alert" title={errorMessage(save.error, t('errors.network'))} />
        )}
      </Form>
    </Modal>
  );
}
