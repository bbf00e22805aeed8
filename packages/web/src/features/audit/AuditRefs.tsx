import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeLabel } from '../../components/CodeLabel';
import type { AuditLabels } from './auditLabels';

/**
 * The action as a coloured label in words; its code (`auth.login`), which auditors search the logs
 * by, is in the tooltip.
 */
export function ActionLabel({ code, labels }: { code: string; labels: AuditLabels }) {
  const { t } = useTranslation();
  const label = labels.action(code);
  return (
    <Tooltip title={t('common.code', { code })}>
      <Tag color={labels.actionColor(code)} style={{ marginInlineEnd: 0 }} tabIndex={0}>
        {label === code ? t('common.unlisted') : label}
      </Tag>
    </Tooltip>
  );
}

export function EntityTypeLabel({ code, labels }: { code: string; labels: AuditLabels }) {
  return <CodeLabel label={labels.entityType(code)} code={code} />;
}

/**
 * The record an event concerns: an organisation or kind by name, else the record's kind in words
 * (申请, 当事人 …); its id is in the tooltip, for auditors who look it up.
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
    <Tooltip title={t('audit.recordId', { id: entityId })}>
      <span tabIndex={0}>{t('audit.record', { kind: labels.entityType(entityType) })}</span>
    </Tooltip>
  );
}

/** An organisation id as its name with the id under it, or the bare id when it is outside the tree. */
export function OrganisationLabel({ id, labels }: { id: string | null; labels: AuditLabels }) {
  const { t } = useTranslation();
  if (!id) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const name = labels.organisationName(id);
  return name ? (
    <CodeLabel label={name} code={id} />
  ) : (
    <Tooltip title={t('audit.recordId', { id })}>
      <span tabIndex={0}>{t('audit.outsideTree')}</span>
    </Tooltip>
  );
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
