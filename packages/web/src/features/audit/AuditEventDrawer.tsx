import { Descriptions, Drawer, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api';
import { formatDateTime } from '../../utils';
import { AuditChanges } from './AuditChanges';

export function AuditEventDrawer({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const mono = (v: string | null | undefined) => (v ? <span className="mono">{v}</span> : none);
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      size={640}
      title={event ? `${t('audit.detailTitle')} #${event.seq}` : t('audit.detailTitle')}
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
              { key: 'action', label: t('audit.action'), children: <Tag>{event.action}</Tag> },
              { key: 'entityType', label: t('audit.entityType'), children: event.entityType },
              { key: 'entityId', label: t('audit.entityId'), children: mono(event.entityId) },
              { key: 'actor', label: t('audit.actor'), children: event.actorUsername ?? t('audit.system') },
              { key: 'actorId', label: t('audit.actorId'), children: mono(event.actorId) },
              {
                key: 'actorRoles',
                label: t('audit.actorRoles'),
                children: event.actorRoles?.length ? event.actorRoles.join(', ') : none,
              },
              { key: 'org', label: t('audit.organisationId'), children: mono(event.organisationId) },
              { key: 'ip', label: t('audit.ip'), children: mono(event.ip) },
              { key: 'requestId', label: t('audit.requestId'), children: mono(event.requestId) },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('audit.changes')}</Typography.Title>
            <AuditChanges changes={event.changes} />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
