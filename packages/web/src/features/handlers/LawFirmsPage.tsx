import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  lawFirmsApi,
  type LawFirm,
  type LawFirmInput,
  type LawFirmListParams,
  type LawFirmStatus,
} from '../../api';
import { FormModal } from '../../components/FormModal';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { useCan } from '../auth/session';
import { BEIJING_DISTRICT_CODES, districtLabel } from './labels';

type FirmModal = { type: 'create' } | { type: 'edit'; firm: LawFirm };

/** 律师事务所: the city-wide registry of firms whose lawyers take legal aid cases. */
export default function LawFirmsPage() {
  const { t } = useTranslation();
  const canManage = useCan()('handler.manage');
  const [search, setSearch] = useSearchParams();
  const [modal, setModal] = useState<FirmModal | null>(null);
  const params = useMemo<LawFirmListParams>(
    () => ({
      page: Number(search.get('page')) || 1,
      pageSize: Number(search.get('pageSize')) || 20,
      sort: search.get('sort') ?? undefined,
      q: search.get('q') ?? undefined,
      regionCode: search.get('regionCode') ?? undefined,
      status: (search.get('status') as LawFirmStatus | null) ?? undefined,
    }),
    [search],
  );
  const update = (patch: Record<string, string | number | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch))
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        return next;
      },
      { replace: true },
    );
  const list = useQuery({
    queryKey: ['lawFirms', 'list', params],
    queryFn: ({ signal }) => lawFirmsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<LawFirm> = [
    { title: t('lawFirms.name'), dataIndex: 'name', key: 'name', sorter: true },
    {
      title: t('lawFirms.licenceNumber'),
      dataIndex: 'licenceNumber',
      key: 'licenceNumber',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t('lawFirms.region'),
      dataIndex: 'regionCode',
      key: 'regionCode',
      width: 100,
      render: (code: string) => districtLabel(t, code),
    },
    { title: t('lawFirms.address'), dataIndex: 'address', key: 'address', ellipsis: true },
    { title: t('lawFirms.phone'), dataIndex: 'phone', key: 'phone', width: 140 },
    { title: t('lawFirms.handlerCount'), dataIndex: 'handlerCount', key: 'handlerCount', width: 100 },
    {
      title: t('lawFirms.status'),
      dataIndex: 'status',
      key: 'status',
      width: 80,
      render: (status: LawFirmStatus) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>{t(`lawFirms.statuses.${status}`)}</Tag>
      ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, firm: LawFirm) => (
              <Button type="link" size="small" onClick={() => setModal({ type: 'edit', firm })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const filtered = Boolean(params.q || params.regionCode || params.status);
  return (
    <>
      <PageHeader
        title={t('lawFirms.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setModal({ type: 'create' })}
            >
              {t('lawFirms.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap>
          <Input.Search
            allowClear
            style={{ maxWidth: 360 }}
            aria-label={t('lawFirms.keyword')}
            placeholder={t('lawFirms.keywordPlaceholder')}
            defaultValue={params.q}
            enterButton={
              <Button type="primary" icon={<SearchOutlined aria-hidden />} aria-label={t('common.search')} />
            }
            onSearch={(q) => update({ q: q.trim() || undefined, page: undefined })}
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            aria-label={t('lawFirms.regionFilter')}
            placeholder={t('lawFirms.allRegions')}
            value={params.regionCode}
            options={BEIJING_DISTRICT_CODES.map((c) => ({ value: c, label: districtLabel(t, c) }))}
            onChange={(regionCode?: string) => update({ regionCode, page: undefined })}
          />
          <Select
            allowClear
            style={{ minWidth: 140 }}
            aria-label={t('lawFirms.statusFilter')}
            placeholder={t('lawFirms.allStatuses')}
            value={params.status}
            options={(['active', 'inactive'] as const).map((s) => ({
              value: s,
              label: t(`lawFirms.statuses.${s}`),
            }))}
            onChange={(status?: string) => update({ status, page: undefined })}
          />
        </Flex>
      </Card>
      <Card variant="borderless">
        <PagedTable<LawFirm>
          rowKey="id"
          columns={columns}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{ text: t('lawFirms.empty'), filteredText: t('lawFirms.emptyFiltered'), filtered }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort, page: undefined })}
        />
      </Card>
      <LawFirmFormModal mode={modal} onClose={() => setModal(null)} />
    </>
  );
}

interface FirmValues {
  name: string;
  licenceNumber: string;
  regionCode: string;
  address?: string;
  phone?: string;
  status?: LawFirmStatus;
}

function LawFirmFormModal({ mode, onClose }: { mode: FirmModal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FirmValues>();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const editing = mode?.type === 'edit' ? mode.firm : null;
  const save = useMutation({
    mutationFn: (values: FirmValues) => {
      const input: LawFirmInput = {
        name: values.name.trim(),
        licenceNumber: values.licenceNumber.trim(),
        regionCode: values.regionCode,
        address: values.address?.trim() || null,
        phone: values.phone?.trim() || null,
      };
      if (!editing) return lawFirmsApi.create(input, keyFor(input));
      return lawFirmsApi.update(editing.id, { ...input, status: values.status ?? editing.status });
    },
    onSuccess: async (firm) => {
      await queryClient.invalidateQueries({ queryKey: ['lawFirms'] });
      void message.success(editing ? t('lawFirms.updated') : t('lawFirms.created', { name: firm.name }));
      close();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <FormModal<FirmValues>
      open={mode !== null}
      title={editing ? t('lawFirms.editTitle', { name: editing.name }) : t('lawFirms.createTitle')}
      name={editing ? 'lawFirmEdit' : 'lawFirmCreate'}
      form={form}
      firstField="name"
      initialValues={
        editing
          ? {
              name: editing.name,
              licenceNumber: editing.licenceNumber,
              regionCode: editing.regionCode,
              address: editing.address ?? undefined,
              phone: editing.phone ?? undefined,
              status: editing.status,
            }
          : {}
      }
      onFinish={(values) => save.mutate(values)}
      onCancel={close}
      submitting={save.isPending}
      error={save.error}
      errorFields={{ LAW_FIRM_LICENCE_TAKEN: 'licenceNumber' }}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="name" label={t('lawFirms.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="licenceNumber"
            label={t('lawFirms.licenceNumber')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} className="mono" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionCode" label={t('lawFirms.region')} rules={[{ required: true }]}>
            <Select options={BEIJING_DISTRICT_CODES.map((c) => ({ value: c, label: districtLabel(t, c) }))} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('lawFirms.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('lawFirms.phone')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        {editing && (
          <Col span={12}>
            <Form.Item name="status" label={t('lawFirms.status')}>
              <Select
                options={(['active', 'inactive'] as const).map((s) => ({
                  value: s,
                  label: t(`lawFirms.statuses.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
