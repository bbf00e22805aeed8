import { useMemo, useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { handlersApi, type Handler } from '../../api';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton, PrintButton } from '../../components/ListExport';
import { useCan } from '../auth/session';
import { HandlerDrawer } from './HandlerDrawer';
import { HandlerFilters } from './HandlerFilters';
import { HandlerFormModal, type HandlerModalMode } from './HandlerFormModal';
import { handlerColumns } from './handlerColumns';
import { useHandlerListParams } from './useHandlerListParams';

/** 法律援助人员: the handler pool in the user's scope, with admission and exit. */
export default function HandlersPage() {
  const { t } = useTranslation();
  const canManage = useCan()('handler.manage');
  const { params, openHandlerId, update, setFilters, hasFilters } = useHandlerListParams();
  const [modal, setModal] = useState<HandlerModalMode | null>(null);

  const list = useQuery({
    queryKey: ['handlers', 'list', params],
    queryFn: ({ signal }) => handlersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () =>
      handlerColumns({
        t,
        sort: params.sort,
        canManage,
        onOpen: (handler) => update({ handler: handler.id }),
        onEdit: (handler) => setModal({ type: 'edit', handler }),
      }),
    [t, params.sort, canManage, update],
  );

  return (
    <>
      <PageHeader
        title={t('handlers.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            <ExportButton path="/handlers/export" params={{ ...params }} />
            <PrintButton />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setModal({ type: 'create' })}
              >
                {t('handlers.create')}
              </Button>
            )}
          </>
        }
      />
      <HandlerFilters params={params} onChange={setFilters} />
      <Card variant="borderless">
        <PagedTable<Handler>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1360 }}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{
            text: t('handlers.empty'),
            filteredText: t('handlers.emptyFiltered'),
            filtered: hasFilters,
          }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort, page: 1 })}
        />
      </Card>
      <HandlerFormModal
        mode={modal}
        onClose={() => setModal(null)}
        onSaved={(handler, created) => created && update({ handler: handler.id })}
      />
      <HandlerDrawer
        handlerId={openHandlerId}
        onClose={() => update({ handler: null })}
        onEdit={(handler) => setModal({ type: 'edit', handler })}
      />
    </>
  );
}
