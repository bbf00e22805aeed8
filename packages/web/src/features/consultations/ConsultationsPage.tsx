import { useMemo } from 'react';
import { Button, Card } from 'antd';
import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { consultationsApi, type Consultation } from '../../api';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton, PrintButton } from '../../components/ListExport';
import { useMatters } from '../../hooks/useMatters';
import { useCan } from '../auth/session';
import { ConsultationDrawer } from './ConsultationDrawer';
import { ConsultationFilters } from './ConsultationFilters';
import { consultationColumns } from './consultationColumns';
import { useConsultationListParams } from './useConsultationListParams';

/** 咨询登记: consultations in the user's scope, with filters and the detail drawer. */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const matters = useMatters();
  const { params, openId, update, setFilters, hasFilters } = useConsultationListParams();

  const list = useQuery({
    queryKey: ['consultations', 'list', params],
    queryFn: ({ signal }) => consultationsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () =>
      consultationColumns({
        t,
        sort: params.sort,
        topicName: matters.name,
        onOpen: (c) => update({ consultation: c.id }),
      }),
    [t, params.sort, matters.name, update],
  );

  return (
    <>
      <PageHeader
        title={t('consultations.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            <ExportButton path="/consultations/export" params={{ ...params }} />
            <PrintButton />
            {can('consultation.manage') && (
              <Button
                type="primary"
                icon={<PhoneOutlined aria-hidden />}
                onClick={() => navigate('/hotline')}
              >
                {t('nav.hotline')}
              </Button>
            )}
          </>
        }
      />
      <ConsultationFilters params={params} onChange={setFilters} />
      <Card variant="borderless">
        <PagedTable<Consultation>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1390 }}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{
            text: t('consultations.empty'),
            filteredText: t('consultations.emptyFiltered'),
            filtered: hasFilters,
          }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort, page: 1 })}
        />
      </Card>
      <ConsultationDrawer consultationId={openId} onClose={() => update({ consultation: null })} />
    </>
  );
}
