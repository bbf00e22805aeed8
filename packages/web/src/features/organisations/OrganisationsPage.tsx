import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useOrganisationTree } from '../../hooks/useReference';
import { useCan, useCurrentUser } from '../auth/session';
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationFormModal, type OrganisationModalMode } from './OrganisationFormModal';
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

  // Start on the user's own organisation (or the first root of their scope).
  useEffect(() => {
    if (selectedId && forest.byId.has(selectedId)) return;
    const initial = forest.byId.has(me.organisation.id) ? me.organisation.id : forest.roots[0]?.entry.id;
    if (initial) setSelectedId(initial);
  }, [forest, me.organisation.id, selectedId]);

  return (
    <>
      <PageHeader
        title={t('org.title')}
        extra={
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void tree.refetch()}
            loading={tree.isFetching}
          >
            {t('common.refresh')}
          </Button>
        }
      />
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
              canManage={can('org.manage')}
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
            />
          ) : (
            <Card variant="borderless" title={t('org.detailTitle')}>
              <Empty description={tree.isPending ? t('common.loading') : t('org.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <OrganisationFormModal
        mode={modal}
        onClose={() => setModal(null)}
        onSaved={(organisation) => {
          setModal(null);
          setSelectedId(organisation.id);
        }}
      />
    </>
  );
}
