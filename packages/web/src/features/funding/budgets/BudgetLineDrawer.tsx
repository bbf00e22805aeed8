import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
  App,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { useCan } from '../../auth/session';
import { fundingApi, fundingKeys, type BudgetLineDetail } from '../fundingApi';
import { formatFen, yuanToFen } from '../money';
import { BurnDownChart } from './BurnDownChart';

/** One budget line: its standing, the burn-down chart, commitments and spending; finance adjusts it. */
export function BudgetLineDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const detail = useQuery({
    queryKey: fundingKeys.line(id ?? ''),
    queryFn: () => fundingApi.line(id!),
    enabled: id !== null,
  });
  const line = detail.data;
  const money = (fen: number) => formatFen(fen, i18n.language);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={line ? `${line.name}（${line.year}）` : t('funding.budgets.title')}
      destroyOnHidden
    >
      {detail.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(detail.error, t('errors.network'))} />
      )}
      {line && (
        <Flex vertical gap={24}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('funding.budgets.sourceKind')}>
              {t(`funding.sourceKinds.${line.sourceKind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.purpose')}>
              {t(`funding.purposes.${line.purpose}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.allocated')}>
              {money(line.allocatedFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.committed')}>
              {money(line.committedFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.spent')}>{money(line.spentFen)}</Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.remaining')}>
              <span data-testid="line-remaining">{money(line.remainingFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.available')}>
              <Space>
                {money(line.availableFen)}
                <Tag color={line.low ? 'orange' : 'green'}>
                  {line.low ? t('funding.budgets.low') : t('funding.budgets.ok')}
                </Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('funding.budgets.threshold')}>
              {line.alertThresholdPerMille / 10}%（{money(line.thresholdFen)}）
            </Descriptions.Item>
            {line.reference && (
              <Descriptions.Item label={t('funding.budgets.reference')}>{line.reference}</Descriptions.Item>
            )}
          </Descriptions>
          {can('funding.manage') && <AdjustLine line={line} />}
          <div>
            <Typography.Title level={5}>{t('funding.budgets.burnDown')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('funding.budgets.burnDownHelp')}</Typography.Paragraph>
            <BurnDownChart points={line.burnDown} />
          </div>
          {line.purpose === 'case_subsidy' && (
            <Descriptions size="small" column={1} title={t('funding.budgets.caseSubsidies')}>
              <Descriptions.Item label={t('funding.budgets.spent')}>
                {money(line.caseSubsidies.spentFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('funding.budgets.committed')}>
                {money(line.caseSubsidies.committedFen)}
              </Descriptions.Item>
              <Descriptions.Item>{t('funding.budgets.caseSubsidiesHelp')}</Descriptions.Item>
            </Descriptions>
          )}
          <Table<BudgetLineDetail['commitments'][number]>
            title={() => t('funding.budgets.commitments')}
            rowKey="contractId"
            size="small"
            pagination={false}
            dataSource={line.commitments}
            columns={[
              { title: t('funding.contracts.contractNumber'), dataIndex: 'contractNumber' },
              { title: t('funding.budgets.provider'), dataIndex: 'providerName' },
              { title: t('funding.contracts.amount'), dataIndex: 'amountFen', align: 'right', render: money },
              { title: t('funding.budgets.paid'), dataIndex: 'paidFen', align: 'right', render: money },
              { title: t('funding.budgets.open'), dataIndex: 'openFen', align: 'right', render: money },
            ]}
          />
          <Table<BudgetLineDetail['entries'][number]>
            title={() => t('funding.budgets.entries')}
            rowKey={(e, n) => `${e.kind}-${e.on}-${n}`}
            size="small"
            pagination={false}
            dataSource={line.entries}
            columns={[
              { title: t('funding.budgets.date'), dataIndex: 'on' },
              {
                title: t('funding.budgets.entries'),
                dataIndex: 'kind',
                render: (k: BudgetLineDetail['entries'][number]['kind']) =>
                  t(`funding.budgets.entryKinds.${k}`),
              },
              { title: t('funding.budgets.description'), dataIndex: 'description' },
              { title: t('funding.budgets.spent'), dataIndex: 'amountFen', align: 'right', render: money },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** 调整: the allocation and the alert threshold, against the version shown. */
function AdjustLine({ line }: { line: BudgetLineDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ amountYuan: number; thresholdPercent: number }>();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (v: { amountYuan: number; thresholdPercent: number }) =>
      fundingApi.changeLine(line.id, {
        version: line.version,
        amountFen: yuanToFen(v.amountYuan),
        alertThresholdPerMille: Math.round(v.thresholdPercent * 10),
      }),
    onSuccess: () => {
      setEditing(false);
      void message.success(t('funding.saved'));
      void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
    },
  });
  if (!editing)
    return (
      <Button onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
        {t('funding.budgets.edit')}
      </Button>
    );
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{
        amountYuan: line.allocatedFen / 100,
        thresholdPercent: line.alertThresholdPerMille / 10,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="amountYuan" label={t('funding.amountYuan')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="thresholdPercent" label={t('funding.budgets.threshold')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} precision={1} style={{ width: 100 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('funding.save')}
      </Button>
      {save.isError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(save.error, t('errors.network'))} />
      )}
    </Form>
  );
}
