import { Descriptions, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api';
import { formatDateTime } from '../../utils';
import { AuditChanges } from './AuditChanges';
import { ActionLabel, EntityRef, EntityTypeLabel, OrganisationLabel, RoleTags } from './AuditRefs';
import { useAuditLabels } from './auditLabels';

export function AuditEventDrawer({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const mono = (v: string | null | undefined) => (v ? <span className="mono">{v}</span> : none);
  // An id (a UUID) is for auditors to paste into a query, not to read: a copy button in words.
  const copyId = (v: string | null | undefined) =>
    v ? (
      <Typography.Text copyable={{ text: v, tooltips: [v, t('audit.copied')] }}>
        {t('audit.copyId')}
      </Typography.Text>
    ) : (
      none
    );
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      size={680}
      title={
        event
          ? `${t('audit.detailTitle')} #${event.seq} · ${labels.action(event.action)}`
          : t('audit.detailTitle')
      }
      destroyOnHidden
    >
      {event && (
        <Flex vertical gap={24}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 140 } }}
            items={[
              { key: 'seq', label: t('audit.seq'), children: event.seq },
              { key: 'at', label: t('audit.at'), children: formatDateTime(event.at) },
              {
                key: 'action',
                label: t('audit.action'),
                children: <ActionLabel code={event.action} labels={labels} />,
              },
              {
                key: 'entityType',
                label: t('audit.entityType'),
                children: <EntityTypeLabel code={event.entityType} labels={labels} />,
              },
              {
                key: 'entityId',
                label: t('audit.object'),
                children: (
                  <EntityRef entityType={event.entityType} entityId={event.entityId} labels={labels} />
                ),
              },
              { key: 'actor', label: t('audit.actor'), children: event.actorUsername ?? t('audit.system') },
              { key: 'actorId', label: t('audit.actorId'), children: copyId(event.actorId) },
              {
                key: 'actorRoles',
                label: t('audit.actorRoles'),
                children: <RoleTags roles={event.actorRoles} labels={labels} />,
              },
              {
                key: 'org',
                label: t('audit.organisationId'),
                children: <OrganisationLabel id={event.organisationId} labels={labels} />,
              },
              { key: 'ip', label: t('audit.ip'), children: mono(event.ip) },
              { key: 'requestId', label: t('audit.requestId'), children: copyId(event.requestId) },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('audit.changes')}</Typography.Title>
            <AuditChanges changes={event.changes} entityType={event.entityType} />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
