import { useState } from 'react';
import { App, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorState';
import { subsidyAreaApi, subsidyAreaKeys, type Payee } from './subsidiesApi';

/** 收款账户: the payees of subsidies in scope and their bank accounts (last four digits only). */
export function PayeeAccounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Payee | null>(null);
  const [form] = Form.useForm<{ accountName: string; bankName: string; accountNumber: string }>();
  const list = useQuery({ queryKey: subsidyAreaKeys.payees, queryFn: () => subsidyAreaApi.payees() });
  const save = useMutation({
    mutationFn: (v: { p: Payee; accountName: string; bankName: string; accountNumber: string }) =>
      subsidyAreaApi.saveAccount({
        payeeKind: v.p.payeeKind,
        payeeId: v.p.payeeId,
        accountName: v.accountName,
        bankName: v.bankName,
        accountNumber: v.accountNumber,
        ...(v.p.account ? { version: v.p.account.version } : {}),
      }),
    onSuccess: (payees) => {
      queryClient.setQueryData(subsidyAreaKeys.payees, payees);
      setEditing(null);
      form.resetFields();
      void message.success(t('subsidyArea.payees.saved'));
    },
  });
  const required = [{ required: true, whitespace: true, message: t('subsidyArea.payees.required') }];
  return (
    <>
      <Table<Payee>
        rowKey={(p) => `${p.payeeKind}:${p.payeeId}`}
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('subsidyArea.payees.empty') }}
        pagination={false}
        columns={[
          { title: t('subsidyArea.payees.payee'), dataIndex: 'payeeName' },
          {
            title: t('subsidyArea.payees.kind'),
            dataIndex: 'payeeKind',
            render: (v: Payee['payeeKind']) => <Tag>{t(`subsidyArea.batches.payeeKinds.${v}`)}</Tag>,
          },
          { title: t('subsidyArea.payees.awaiting'), dataIndex: 'awaiting', align: 'right' },
          {
            title: t('subsidyArea.payees.account'),
            key: 'account',
            render: (_: unknown, p) =>
              p.account ? (
                `${p.account.accountName} · ${p.account.bankName} …${p.account.accountTail}`
              ) : (
                <Typography.Text type="warning">{t('subsidyArea.payees.none')}</Typography.Text>
              ),
          },
          {
            key: 'actions',
            render: (_: unknown, p) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue({
                    accountName: p.account?.accountName ?? p.payeeName,
                    bankName: p.account?.bankName ?? '',
                    accountNumber: '',
                  });
                  setEditing(p);
                }}
              >
                {t('subsidyArea.payees.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? t('subsidyArea.payees.title', { name: editing.payeeName }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
        forceRender
      >
        {save.error && (
          <Typography.Text type="danger" role="alert">
            {errorMessage(save.error, t('errors.network'))}
          </Typography.Text>
        )}
        <Form form={form} layout="vertical" onFinish={(v) => editing && save.mutate({ p: editing, ...v })}>
          <Form.Item name="accountName" label={t('subsidyArea.payees.accountName')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="bankName" label={t('subsidyArea.payees.bankName')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="accountNumber"
            label={t('subsidyArea.payees.accountNumber')}
            extra={t('subsidyArea.payees.accountNumberHint')}
            rules={required}
          >
            <Input maxLength={40} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
