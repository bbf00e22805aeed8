import { useState } from 'react';
import { Button, Flex } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { CreateFeeWaiverModal } from './CreateFeeWaiverModal';
import { FeeWaiverDrawer } from './FeeWaiverDrawer';
import { FeeWaiverTable } from './FeeWaiverTable';
import { feeWaiverKeys, feeWaiversApi } from './feeWaiversApi';

/** 费用减免 on the application file: the case's requests, and 新建申请 for its recipient. */
export function CaseFeeWaivers({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filter = { applicationId };
  const list = useQuery({
    queryKey: feeWaiverKeys.list(filter),
    queryFn: () => feeWaiversApi.list(filter),
  });
  if (list.isError) return <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <Button onClick={() => setCreating(true)}>{t('feeWaivers.create')}</Button>
      </Flex>
      <FeeWaiverTable
        showCase={false}
        loading={list.isPending}
        items={list.data?.items ?? []}
        emptyText={t('feeWaivers.caseEmpty')}
        onOpen={setOpen}
      />
      <CreateFeeWaiverModal
        open={creating}
        applicationId={applicationId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpen(id);
        }}
      />
      <FeeWaiverDrawer id={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
