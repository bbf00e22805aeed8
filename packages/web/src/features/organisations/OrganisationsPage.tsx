import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Skeleton, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Organisation } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useOrganisationTree } from '../../hooks/useReference';
import { useCan, useCurrentUser } from '../auth/session';
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationFormModal, type OrganisationModalMode } from './OrganisationFormModal';
import { OrganisationKindsPanel } from './OrganisationKindsPanel';
import { OrganisationMoveModal } from './OrganisationMoveModal';
import { OrganisationTree } from './OrganisationTree';
import { buildForest } from './tree';

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const tree = useOrganisationTree();
  const forest = useMemo(() => buildForest(tree.data ?? []), [tree.data]);
  const [selectedId, setSelectedId] = useState<string>();
  const [modal, setModal] = useState<OrganisationModalMode | null>(null);
  const [moving, setMoving] = useState<Organisation | null>(null);
  const canManage = can('org.manage');
  // The tab lives in the URL (?tab=kinds), so reload and shared links keep it.
  const [search, setSearch] = useSearchParams();
  const tab = canManage && search.get('tab') === 'kinds' ? 'kinds' : 'organisations';
  const switchTab = (key: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'kinds') next.set('tab', 'kinds');
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );

  // Start on the user's own organisation (or the first root of their scope).
  useEffect(() => {
    if (selectedId && forest.byId.has(selectedId)) return;
    const initial = forest.byId.has(me.organisation.id) ? me.organisation.id : forest.roots[0]?.entry.id;
    if (initial) setSelectedId(initial);
  }, [forest, me.organisation.id, selectedId]);

  const organisationsView = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xxl={7}>
        <Card
          variant="borderless"
          title={t('org.treeTitle')}
          extra={
            tree.data && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('org.count', { count: forest.byId.size })}
              </Typography.Text>
            )
          }
        >
          {tree.isPending ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : tree.isError ? (
            <ErrorState error={tree.error} onRetry={() => void tree.refetch()} compact />
          ) : (
            <OrganisationTree forest={forest} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xxl={17}>
        {selectedId ? (
          <OrganisationDetail
            id={selectedId}
            forest={forest}
            canManage={canManage}
            onCreateChild={(parent) => setModal({ type: 'create', parent })}
            onEdit={(organisation) =>
              setModal({
                type: 'edit',
                organisation,
                parentName: organisation.parentId
                  ? forest.byId.get(organisation.parentId)?.entry.name
                  : undefined,
              })
            }
            onMove={setMoving}
          />
        ) : (
          <Card variant="borderless" title={t('org.detailTitle')}>
            <Empty description={tree.isPending ? t('common.loading') : t('org.selectHint')} />
          </Card>
        )}
      </Col>
    </Row>
  );

  return (
    <>
      <PageHeader
        title={t('org.title')}
        extra={
          tab === 'organisations' && (
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void tree.refetch()}
              loading={tree.isFetching}
            >
              {t('common.refresh')}
            </Button>
          )
        }
      />
      {canManage ? (
        <Tabs
          activeKey={tab}
          onChange={switchTab}
          items={[
            { key: 'organisations', label: t('org.tabOrganisations'), children: organisationsView },
            { key: 'kinds', label: t('org.tabKinds'), children: <OrganisationKindsPanel /> },
          ]}
        />
      ) : (
        organisationsView
      )}
      <OrganisationFormModal
        mode={modal}
        onClose={() => setModal(null)}
        onSaved={(organisation) => {
          setModal(null);
          setSelectedId(organisation.id);
        }}
      />
      <OrganisationMoveModal
        organisation={moving}
        forest={forest}
        onClose={() => setMoving(null)}
        onMoved={(organisation) => {
          setMoving(null);
          setSelectedId(organisation.id);
        }}
      />
    </>
  );
}
