import { Alert, App, Button, Descriptions, Drawer, Flex, Popconfirm, Spin, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorState';
import { useCurrentUser } from '../auth/session';
import { formatFen } from '../applications/labels';
import { BATCH_COLOURS } from './SubsidyBatchesPage';
import {
  openDownload,
  subsidyAreaApi,
  subsidyAreaKeys,
  type BatchDetail,
  type ReturnReport,
} from './subsidiesApi';

type Line = BatchDetail['lines'][number];
const LINE_COLOURS = { open: 'gold', paid: 'green', failed: 'red' } as const;

/** One batch: its transfer lines, 提交审批 / 审批通过 / 取消, the bank file, the payment list, the bank's return. */
export function BatchDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: subsidyAreaKeys.batch(id ?? ''),
    queryFn: () => subsidyAreaApi.batch(id ?? ''),
    enabled: id !== null,
  });
  const refresh = (next?: BatchDetail) => {
    if (next) queryClient.setQueryData(subsidyAreaKeys.batch(next.id), next);
    void queryClient.invalidateQueries({ queryKey: subsidyAreaKeys.all });
  };
  const step = useMutation({
    mutationFn: (v: { b: BatchDetail; step: 'submit' | 'approve' | 'cancel' }) =>
      subsidyAreaApi.batchStep(v.b.id, v.step, v.b.version),
    onSuccess: (next) => refresh(next),
  });
  const download = useMutation({
    mutationFn: (v: { b: BatchDetail; what: 'bank' | 'list' }) =>
      v.what === 'bank'
        ? openDownload(subsidyAreaApi.bankFile(v.b.id), true)
        : openDownload(subsidyAreaApi.paymentList(v.b.id), false),
    onSuccess: () => refresh(),
  });
  const bankReturn = useMutation({
    mutationFn: (v: { b: BatchDetail; file: File }) => subsidyAreaApi.bankReturn(v.b.id, v.file),
    onSuccess: (report: ReturnReport) => {
      refresh();
      void message.success(
        t('subsidyArea.batch.report', {
          paid: report.paid,
          failed: report.failed,
          unknown: report.unknownReferences.length
            ? t('subsidyArea.batch.reportUnknown', { refs: report.unknownReferences.join('、') })
            : '',
          settled: report.settled ? t('subsidyArea.batch.reportSettled') : '',
        }),
      );
    },
  });
  const b = query.data;
  const error = step.error ?? download.error ?? bankReturn.error;
  const mayPay = me.permissions.includes('subsidy.pay');
  const mayApprove = me.permissions.includes('subsidy.approve');
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={b ? t('subsidyArea.batch.title', { number: b.number }) : ''}
      destroyOnHidden
    >
      {!b ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          {error && (
            <Alert type="error" showIcon role="alert" title={errorMessage(error, t('errors.network'))} />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'status',
                label: t('subsidyArea.batches.status'),
                children: (
                  <Tag color={BATCH_COLOURS[b.status]}>{t(`subsidyArea.batchStatuses.${b.status}`)}</Tag>
                ),
              },
              {
                key: 'period',
                label: t('subsidyArea.batch.period'),
                children: `${b.periodFrom} – ${b.periodTo}`,
              },
              {
                key: 'total',
                label: t('subsidyArea.batches.total'),
                children: <span data-testid="batch-total">{formatFen(b.totalFen, i18n.language)}</span>,
              },
              { key: 'by', label: t('subsidyArea.batches.createdBy'), children: b.createdBy.displayName },
              ...(b.approvedBy
                ? [
                    {
                      key: 'approver',
                      label: t('subsidyArea.batch.approvedBy'),
                      children: b.approvedBy.displayName,
                    },
                  ]
                : []),
            ]}
          />
          <Flex wrap gap={8}>
            {b.status === 'draft' && mayPay && (
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => step.mutate({ b, step: 'submit' })}
              >
                {t('subsidyArea.batch.submit')}
              </Button>
            )}
            {b.status === 'submitted' && mayApprove && (
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => step.mutate({ b, step: 'approve' })}
              >
                {t('subsidyArea.batch.approve')}
              </Button>
            )}
            {(b.status === 'draft' || b.status === 'submitted') && (mayPay || mayApprove) && (
              <Popconfirm
                title={t('subsidyArea.batch.cancelConfirm')}
                onConfirm={() => step.mutate({ b, step: 'cancel' })}
              >
                <Button danger>{t('subsidyArea.batch.cancel')}</Button>
              </Popconfirm>
            )}
            {(b.status === 'approved' || b.status === 'settled') && mayPay && (
              <Button icon={<DownloadOutlined />} onClick={() => download.mutate({ b, what: 'bank' })}>
                {t('subsidyArea.batch.bankFile')}
              </Button>
            )}
            <Button icon={<FilePdfOutlined />} onClick={() => download.mutate({ b, what: 'list' })}>
              {t('subsidyArea.batch.paymentList')}
            </Button>
            {b.status === 'approved' && mayPay && (
              <Upload
                accept=".csv,.xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  bankReturn.mutate({ b, file });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={bankReturn.isPending}>
                  {t('subsidyArea.batch.bankReturn')}
                </Button>
              </Upload>
            )}
          </Flex>
          <Table<Line>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={b.lines}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('subsidyArea.batch.reference'),
                dataIndex: 'reference',
                render: (v: string) => <span className="mono">{v}</span>,
              },
              { title: t('subsidyArea.batch.payee'), dataIndex: 'payeeName' },
              {
                title: t('subsidyArea.batch.account'),
                key: 'account',
                render: (_: unknown, l) => (l.accountTail ? `${l.bankName ?? ''} …${l.accountTail}` : '—'),
              },
              {
                title: t('subsidyArea.batch.cases'),
                key: 'cases',
                render: (_: unknown, l) =>
                  l.subsidies
                    .filter((s) => s.status !== 'removed')
                    .map((s) => s.applicationNumber)
                    .join('、'),
              },
              {
                title: t('subsidyArea.batch.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (v: number) => formatFen(v, i18n.language),
              },
              {
                title: t('subsidyArea.batch.status'),
                key: 'status',
                render: (_: unknown, l) => (
                  <>
                    <Tag color={LINE_COLOURS[l.status]}>{t(`subsidyArea.lineStatuses.${l.status}`)}</Tag>
                    {l.failureMessage ?? l.bankSerial ?? ''}
                  </>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
