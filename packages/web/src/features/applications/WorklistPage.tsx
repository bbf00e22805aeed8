import { useMemo } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applicationsApi, type ApplicationSummary } from '../../api';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton, PrintButton } from '../../components/ListExport';
import { useCan } from '../auth/session';
import { applicationKeys, useMatterName } from './useApplicationData';
import { DEFAULT_SORT, useWorklistParams } from './useWorklistParams';
import { WorklistFilters } from './WorklistFilters';
import { worklistColumns, worklistRowClass } from './worklistColumns';

/** 审查工作台: the applications awaiting the centre, nearest deadline first, counting down live. */
export default function WorklistPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const matterName = useMatterName();
  const { params, update, hasFilters } = useWorklistParams();

  const list = useQuery({
    queryKey: applicationKeys.list(params),
    queryFn: ({ signal }) => applicationsApi.list(params, signal),
    placeholderData: keepPreviousData,
    // Deadlines move on their own (a scheduler deems withdrawals); keep the list fresh.
    refetchInterval: 60_000,
  });

  const columns = useMemo(
    () => worklistColumns({ t, sort: params.sort, matterName }),
    [t, params.sort, matterName],
  );

  return (
    <>
      <PageHeader
        title={t('applications.worklist.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            <ExportButton path="/applications/export" params={{ ...params }} />
            <PrintButton />
            {can('application.approve') && (
              <Button
                icon={<SettingOutlined aria-hidden />}
                onClick={() => void navigate('/applications/settings')}
              >
                {t('applications.worklist.settings')}
              </Button>
            )}
            {can('application.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => void navigate('/applications/new')}
              >
                {t('applications.worklist.intake')}
              </Button>
            )}
          </>
        }
      />
      <WorklistFilters params={params} onChange={update} />
      <Card variant="borderless">
        <PagedTable<ApplicationSummary>
          rowKey="id"
          columns={columns}
          rowClassName={worklistRowClass}
          scroll={{ x: 1400 }}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{
            text: t('applications.worklist.empty'),
            filteredText: t('applications.worklist.emptyFiltered'),
            filtered: hasFilters,
          }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort: sort ?? DEFAULT_SORT, page: 1 })}
        />
      </Card>
    </>
  );
}
