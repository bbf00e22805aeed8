import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeLabel } from '../../components/CodeLabel';
import type { AuditLabels } from './auditLabels';

/** The action as a coloured label, its code in small grey type under it. */
export function ActionLabel({ code, labels }: { code: string; labels: AuditLabels }) {
  const label = labels.action(code);
  return (
    <span className="code-label">
      <Tag color={labels.actionColor(code)} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
      {label !== code && <span className="code-hint">{code}</span>}
    </span>
  );
}

export function EntityTypeLabel({ code, labels }: { code: string; labels: AuditLabels }) {
  return <CodeLabel label={labels.entityType(code)} code={code} />;
}

/**
 * The record an event concerns: an organisation or kind by name with its id/code under it (in a
 * tooltip when `compact`), else the id.
 */
export function EntityRef({
  entityType,
  entityId,
  labels,
  compact = false,
}: {
  entityType: string;
  entityId: string | null;
  labels: AuditLabels;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!entityId) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const name =
    entityType === 'organisations'
      ? labels.organisationName(entityId)
      : entityType === 'organisation_kinds'
        ? labels.kindName(entityId)
        : undefined;
  if (name && name !== entityId) {
    if (!compact) return <CodeLabel label={name} code={entityId} />;
    return (
      <Tooltip
        title={
          <>
            <div>{name}</div>
            <div className="mono">{entityId}</div>
          </>
        }
      >
        <span>{name}</span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={entityId}>
      <span className="mono">{entityId}</span>
    </Tooltip>
  );
}

/** An organisation id as its name with the id under it, or the bare id when it is outside the tree. */
export function OrganisationLabel({ id, labels }: { id: string | null; labels: AuditLabels }) {
  const { t } = useTranslation();
  if (!id) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const name = labels.organisationName(id);
  return name ? <CodeLabel label={name} code={id} /> : <span className="mono">{id}</span>;
}

export function RoleTags({ roles, labels }: { roles: readonly string[] | null; labels: AuditLabels }) {
  const { t } = useTranslation();
  if (!roles?.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {roles.map((code) => (
        <Tooltip key={code} title={t('common.code', { code })}>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {labels.roleName(code)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
