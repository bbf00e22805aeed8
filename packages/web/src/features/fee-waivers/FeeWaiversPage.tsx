import { useState } from 'react';
import { Button, Flex, Segmented, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CreateFeeWaiverModal } from './CreateFeeWaiverModal';
import { FeeWaiverDrawer } from './FeeWaiverDrawer';
import { FeeWaiverTable } from './FeeWaiverTable';
import {
  BODY_KINDS,
  feeWaiverKeys,
  feeWaiversApi,
  type FeeWaiverBodyKind,
  type FeeWaiverStatus,
} from './feeWaiversApi';

const STATUSES: FeeWaiverStatus[] = ['draft', 'sent', 'answered', 'withdrawn'];

/** 费用缓减免: the requests to courts, notaries and appraisers for recipients, their letters and answers. */
export default function FeeWaiversPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FeeWaiverStatus | 'all'>('all');
  const [bodyKind, setBodyKind] = useState<FeeWaiverBodyKind | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filter = { ...(status === 'all' ? {} : { status }), ...(bodyKind ? { bodyKind } : {}) };
  const list = useQuery({
    queryKey: feeWaiverKeys.list(filter),
    queryFn: () => feeWaiversApi.list(filter),
  });
  return (
    <>
      <PageHeader
        title={t('feeWaivers.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('feeWaivers.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('feeWaivers.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Segmented<FeeWaiverStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('feeWaivers.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`feeWaivers.statuses.${s}`) })),
          ]}
        />
        <Select<FeeWaiverBodyKind>
          allowClear
          aria-label={t('feeWaivers.allBodies')}
          placeholder={t('feeWaivers.allBodies')}
          style={{ minWidth: 160 }}
          value={bodyKind}
          onChange={setBodyKind}
          options={BODY_KINDS.map((k) => ({ value: k, label: t(`feeWaivers.bodyKinds.${k}`) }))}
        />
      </Flex>
      <FeeWaiverTable
        loading={list.isPending}
        items={list.data?.items ?? []}
        emptyText={t('feeWaivers.empty')}
        onOpen={setOpen}
      />
      <CreateFeeWaiverModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <FeeWaiverDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
