import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useKindName, useOrganisationName, useRoleName } from '../../hooks/useReference';
import { useCan } from '../auth/session';
import type { Catalog } from '../../i18n/zh-CN';

/**
 * Audit codes (actions, entity types, field names) → catalog keys. Codes not listed here (actions of
 * areas added later) show as the code itself.
 */
const ACTIONS = {
  'user.create': { key: 'auditCodes.action.user_create', color: 'green' },
  'user.update': { key: 'auditCodes.action.user_update', color: 'blue' },
  'user.disable': { key: 'auditCodes.action.user_disable', color: 'red' },
  'user.enable': { key: 'auditCodes.action.user_enable', color: 'cyan' },
  'user.reset_password': { key: 'auditCodes.action.user_reset_password', color: 'gold' },
  'user.unlock': { key: 'auditCodes.action.user_unlock', color: 'cyan' },
  'users.read': { key: 'auditCodes.action.users_read', color: 'default' },
  'auth.login': { key: 'auditCodes.action.auth_login', color: 'geekblue' },
  'auth.login_failed': { key: 'auditCodes.action.auth_login_failed', color: 'orange' },
  'auth.lockout': { key: 'auditCodes.action.auth_lockout', color: 'red' },
  'auth.logout_all': { key: 'auditCodes.action.auth_logout_all', color: 'geekblue' },
  'auth.password_change': { key: 'auditCodes.action.auth_password_change', color: 'gold' },
  'organisation.create': { key: 'auditCodes.action.organisation_create', color: 'green' },
  'organisation.update': { key: 'auditCodes.action.organisation_update', color: 'blue' },
  'organisation_kind.create': { key: 'auditCodes.action.organisation_kind_create', color: 'green' },
  'organisation_kind.update': { key: 'auditCodes.action.organisation_kind_update', color: 'blue' },
  'rule.add_version': { key: 'auditCodes.action.rule_add_version', color: 'green' },
  'rule.close': { key: 'auditCodes.action.rule_close', color: 'default' },
  'calendar.add_year': { key: 'auditCodes.action.calendar_add_year', color: 'green' },
  'calendar.replace_year': { key: 'auditCodes.action.calendar_replace_year', color: 'gold' },
  'person.create': { key: 'auditCodes.action.person_create', color: 'green' },
  'person.update': { key: 'auditCodes.action.person_update', color: 'blue' },
  'persons.read': { key: 'auditCodes.action.persons_read', color: 'default' },
  'person.unmask': { key: 'auditCodes.action.person_unmask', color: 'volcano' },
  'persons.history': { key: 'auditCodes.action.persons_history', color: 'default' },
  'handler.link_login': { key: 'auditCodes.action.handler_link_login', color: 'blue' },
  'handler.unlink_login': { key: 'auditCodes.action.handler_unlink_login', color: 'gold' },
  'applications.export': { key: 'auditCodes.action.applications_export', color: 'purple' },
  'persons.export': { key: 'auditCodes.action.persons_export', color: 'purple' },
  'consultations.export': { key: 'auditCodes.action.consultations_export', color: 'purple' },
  'handlers.export': { key: 'auditCodes.action.handlers_export', color: 'purple' },
} as const;

const ENTITY_TYPES = {
  users: 'auditCodes.entity.users',
  organisations: 'auditCodes.entity.organisations',
  organisation_kinds: 'auditCodes.entity.organisation_kinds',
  rule_rows: 'auditCodes.entity.rule_rows',
  calendar_days: 'auditCodes.entity.calendar_days',
  persons: 'auditCodes.entity.persons',
} as const;

const FIELDS = {
  username: 'auditCodes.field.username',
  displayName: 'auditCodes.field.displayName',
  organisationId: 'auditCodes.field.organisationId',
  roles: 'auditCodes.field.roles',
  status: 'auditCodes.field.status',
  phone: 'auditCodes.field.phone',
  name: 'auditCodes.field.name',
  code: 'auditCodes.field.code',
  kind: 'auditCodes.field.kind',
  regionCode: 'auditCodes.field.regionCode',
  address: 'auditCodes.field.address',
  active: 'auditCodes.field.active',
  parentId: 'auditCodes.field.parentId',
  nameZh: 'auditCodes.field.nameZh',
  nameEn: 'auditCodes.field.nameEn',
  sortOrder: 'auditCodes.field.sortOrder',
  ruleTable: 'auditCodes.field.ruleTable',
  key: 'auditCodes.field.key',
  jurisdiction: 'auditCodes.field.jurisdiction',
  effectiveFrom: 'auditCodes.field.effectiveFrom',
  effectiveTo: 'auditCodes.field.effectiveTo',
  citation: 'auditCodes.field.citation',
  data: 'auditCodes.field.data',
  days: 'auditCodes.field.days',
  source: 'auditCodes.field.source',
  lockedUntil: 'auditCodes.field.lockedUntil',
} as const;

/** The same field name means something more specific on some entity types (an organisation's phone). */
const ENTITY_FIELDS: Partial<Record<string, Partial<Record<string, FieldKey>>>> = {
  organisations: {
    name: 'auditCodes.organisationField.name',
    code: 'auditCodes.organisationField.code',
    phone: 'auditCodes.organisationField.phone',
  },
  organisation_kinds: { code: 'auditCodes.kindField.code' },
  persons: {
    name: 'auditCodes.personField.name',
    namePinyin: 'auditCodes.personField.namePinyin',
    documentType: 'auditCodes.personField.documentType',
    idNumber: 'auditCodes.personField.idNumber',
    birthDate: 'auditCodes.personField.birthDate',
    sex: 'auditCodes.personField.sex',
    phone: 'auditCodes.personField.phone',
    address: 'auditCodes.personField.address',
    categories: 'auditCodes.personField.categories',
    householdMembers: 'auditCodes.personField.householdMembers',
    representative: 'auditCodes.personField.representative',
    representativeName: 'auditCodes.personField.representativeName',
    representativeRole: 'auditCodes.personField.representativeRole',
    representativeRelation: 'auditCodes.personField.representativeRelation',
    representativePhone: 'auditCodes.personField.representativePhone',
    ownerOrgId: 'auditCodes.personField.ownerOrgId',
  },
};

type FieldKey =
  | (typeof FIELDS)[keyof typeof FIELDS]
  | 'auditCodes.organisationField.name'
  | 'auditCodes.organisationField.code'
  | 'auditCodes.organisationField.phone'
  | 'auditCodes.kindField.code'
  | `auditCodes.personField.${keyof Catalog['auditCodes']['personField']}`;

type ActionCode = keyof typeof ACTIONS;

function own<T extends object>(table: T, code: string): code is Extract<keyof T, string> {
  return Object.hasOwn(table, code);
}

/** Every action the interface knows by name, for the filter. */
export const KNOWN_ACTIONS = Object.keys(ACTIONS) as ActionCode[];
export const KNOWN_ENTITY_TYPES = Object.keys(ENTITY_TYPES) as (keyof typeof ENTITY_TYPES)[];

/** The value the server writes in place of personal data in before/after values. */
export const MASKED_VALUE = '***';

export interface AuditLabels {
  action: (code: string) => string;
  actionColor: (code: string) => string;
  entityType: (code: string) => string;
  field: (entityType: string, field: string) => string;
  roleName: (code: string) => string;
  kindName: (code: string) => string;
  /** The name of an organisation in the user's tree, else undefined. */
  organisationName: (id: string) => string | undefined;
}

/** Labels for the codes of the audit log, in the UI language. */
export function useAuditLabels(): AuditLabels {
  const { t } = useTranslation();
  const canReadOrganisations = useCan()('org.read');
  const roleName = useRoleName();
  const kindName = useKindName();
  const organisationName = useOrganisationName(canReadOrganisations);
  return useMemo(
    () => ({
      action: (code) => (own(ACTIONS, code) ? t(ACTIONS[code].key) : code),
      actionColor: (code) => (own(ACTIONS, code) ? ACTIONS[code].color : 'default'),
      entityType: (code) => (own(ENTITY_TYPES, code) ? t(ENTITY_TYPES[code]) : code),
      field: (entityType, field) => {
        const fields = own(ENTITY_FIELDS, entityType) ? ENTITY_FIELDS[entityType] : undefined;
        const specific = fields && own(fields, field) ? fields[field] : undefined;
        if (specific) return t(specific);
        return own(FIELDS, field) ? t(FIELDS[field]) : field;
      },
      roleName,
      kindName,
      organisationName,
    }),
    [t, roleName, kindName, organisationName],
  );
}
