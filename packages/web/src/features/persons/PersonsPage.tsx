import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personsApi, type Person, type PersonWarning } from '../../api';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton, PrintButton } from '../../components/ListExport';
import { useCan } from '../auth/session';
import { PersonDrawer } from './PersonDrawer';
import { PersonFilters } from './PersonFilters';
import { PersonFormModal, type PersonModalMode } from './PersonFormModal';
import { personColumns } from './personColumns';
import { usePersonListParams } from './usePersonListParams';

/** 当事人管理: applicants and aid recipients in the user's scope. */
export default function PersonsPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan()('person.manage');
  const { params, openPersonId, update, hasFilters } = usePersonListParams();
  const [modal, setModal] = useState<PersonModalMode | null>(null);
  // Possible duplicates reported by the last save: they never block it, but staff should look.
  const [warnings, setWarnings] = useState<{ name: string; items: PersonWarning[] } | null>(null);

  const list = useQuery({
    queryKey: ['persons', 'list', params],
    queryFn: ({ signal }) => personsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });

  const openPerson = (id: string | null) => update({ person: id });

  const columns = useMemo(
    () =>
      personColumns({
        t,
        language: i18n.language,
        sort: params.sort,
        canManage,
        onOpen: (person) => update({ person: person.id }),
        onEdit: (person) => setModal({ type: 'edit', person }),
      }),
    [t, i18n.language, params.sort, canManage, update],
  );

  return (
    <>
      <PageHeader
        title={t('persons.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isFetching}
            >
              {t('common.refresh')}
            </Button>
            <ExportButton path="/persons/export" params={{ ...params }} />
            <PrintButton />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setModal({ type: 'create' })}
              >
                {t('persons.create')}
              </Button>
            )}
          </>
        }
      />
      {warnings && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setWarnings(null) }}
          style={{ marginBottom: 16 }}
          title={`${warnings.name} · ${t('persons.warningsTitle')}`}
          description={
            <Flex vertical gap={4}>
              {warnings.items.map((w) => (
                <span key={`${w.code}-${w.personId}`}>
                  {t(`persons.warnings.${w.code}`)}
                  {' — '}
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => openPerson(w.personId)}
                  >
                    {t('persons.openPerson')}
                  </Button>
                </span>
              ))}
            </Flex>
          }
        />
      )}
      <PersonFilters
        params={params}
        onChange={(f) => update({ q: f.q, category: f.category, documentType: f.documentType, page: 1 })}
      />
      <Card variant="borderless">
        <PagedTable<Person>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1310 }}
          list={list}
          page={params.page}
          pageSize={params.pageSize}
          empty={{ text: t('persons.empty'), filteredText: t('persons.emptyFiltered'), filtered: hasFilters }}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onSort={(sort) => update({ sort, page: 1 })}
        />
      </Card>
      <PersonFormModal
        mode={modal}
        onClose={() => setModal(null)}
        onSaved={(person) =>
          setWarnings(person.warnings.length > 0 ? { name: person.name, items: person.warnings } : null)
        }
        onOpenPerson={openPerson}
      />
      <PersonDrawer
        personId={openPersonId}
        onClose={() => openPerson(null)}
        onEdit={(person) => setModal({ type: 'edit', person })}
      />
    </>
  );
}
