import { useState } from 'react';
import { App, Button, Checkbox, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../components/ErrorState';
import { useCan } from '../../auth/session';
import { beijingDateTime } from '../../rules/beijingTime';
import { inspectionKeys, inspectionsApi, type InspectionQueueItem } from './inspectionsApi';
import { InspectionDrawer } from './InspectionDrawer';
import { SamplingPlans } from './SamplingPlans';

const statusColor = { awaiting: 'orange', in_progress: 'blue', completed: 'green' } as const;

/**
 * 质量抽查: the reviewer's queue of sampled cases and inspections (a row starts or opens the
 * inspection), and for directors and the bureau the sampling plans with their draws.
 */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  // `?id=` opens an inspection.
  const [search, setSearch] = useSearchParams();
  const selected = search.get('id');
  const setSelected = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('id', id);
      else next.delete('id');
      return next;
    });
  return (
    <>
      <PageHeader title={t('inspections.title')} />
      <Typography.Paragraph type="secondary">{t('inspections.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'queue', label: t('inspections.tabQueue'), children: <Queue onOpen={setSelected} /> },
          ...(can('quality.sample')
            ? [{ key: 'plans', label: t('inspections.tabPlans'), children: <SamplingPlans /> }]
            : []),
        ]}
      />
      <InspectionDrawer id={selected} onClose={() => setSelected(null)} />
    </>
  );
}

function Queue({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [mine, setMine] = useState(false);
  const [done, setDone] = useState(false);
  const queue = useQuery({
    queryKey: inspectionKeys.queue(mine, done),
    queryFn: () => inspectionsApi.queue(mine, done),
  });
  const start = useMutation({
    mutationFn: (applicationId: string) => inspectionsApi.start(applicationId, crypto.randomUUID()),
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.queueAll });
      onOpen(id);
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  return (
    <>
      <Flex gap={16} style={{ marginBottom: 12 }}>
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('inspections.mine')}
        </Checkbox>
        <Checkbox checked={done} onChange={(e) => setDone(e.target.checked)}>
          {t('inspections.showDone')}
        </Checkbox>
      </Flex>
      <Table<InspectionQueueItem>
        rowKey={(row) => row.inspectionId ?? `${row.plan?.id ?? ''}:${row.applicationId}`}
        loading={queue.isPending}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t('inspections.empty') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('inspections.number'),
            dataIndex: 'applicationNumber',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('inspections.caseType'),
            dataIndex: 'caseType',
            render: (v: InspectionQueueItem['caseType']) => t(`applications.caseTypes.${v}`),
          },
          { title: t('inspections.handler'), dataIndex: 'handlerName' },
          {
            title: t('inspections.plan'),
            render: (_, row) =>
              row.plan
                ? `${row.plan.name}${row.sampledAt ? ` · ${beijingDateTime(row.sampledAt).date}` : ''}`
                : '—',
          },
          {
            title: t('inspections.status'),
            dataIndex: 'status',
            render: (v: InspectionQueueItem['status']) => (
              <Tag color={statusColor[v]}>{t(`inspections.statuses.${v}`)}</Tag>
            ),
          },
          {
            title: t('inspections.inspector'),
            dataIndex: 'inspectorName',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('inspections.score'), dataIndex: 'totalScore', render: (v: number | null) => v ?? '—' },
          {
            key: 'action',
            render: (_, row) =>
              row.inspectionId ? (
                <Button size="small" onClick={() => onOpen(row.inspectionId ?? '')}>
                  {t('inspections.open')}
                </Button>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  loading={start.isPending && start.variables === row.applicationId}
                  onClick={() => start.mutate(row.applicationId)}
                >
                  {t('inspections.start')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
