import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useKindName, useOrganisationName, useRoleName } from '../../hooks/useReference';
import { useCan } from '../auth/session';
import type { Catalog } from '../../i18n/zh-CN';
import { isKnownEvent, useEventLabel } from '../applications/labels';

/**
 * Audit codes (actions, entity types, field names) → catalog keys. A code not listed here (an action
 * of an area added later) is shown by the audit views as 未收录项, its code in the tooltip.
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
  'application.attachment_added': { key: 'auditCodes.action.application_attachment_added', color: 'green' },
  'application.attachment_read': { key: 'auditCodes.action.application_attachment_read', color: 'default' },
  'application.decision_proposed': { key: 'auditCodes.action.application_decision_proposed', color: 'blue' },
  'application.decision_returned': {
    key: 'auditCodes.action.application_decision_returned',
    color: 'orange',
  },
  'application.delivery_recorded': { key: 'auditCodes.action.application_delivery_recorded', color: 'blue' },
  'application.document_read': { key: 'auditCodes.action.application_document_read', color: 'default' },
  'application.materials_received': {
    key: 'auditCodes.action.application_materials_received',
    color: 'green',
  },
  'applications.read': { key: 'auditCodes.action.applications_read', color: 'default' },
  'case.archive': { key: 'auditCodes.action.case_archive', color: 'default' },
  'case.brief_read': { key: 'auditCodes.action.case_brief_read', color: 'default' },
  'case.major_flag': { key: 'auditCodes.action.case_major_flag', color: 'gold' },
  'case_activity.create': { key: 'auditCodes.action.case_activity_create', color: 'green' },
  'case_activity.settle': { key: 'auditCodes.action.case_activity_settle', color: 'blue' },
  'search.list': { key: 'auditCodes.action.search_list', color: 'default' },
  'user.notification_settings': { key: 'auditCodes.action.user_notification_settings', color: 'blue' },
  'case_archive.read': { key: 'auditCodes.action.case_archive_read', color: 'default' },
  'case_discussion.create': { key: 'auditCodes.action.case_discussion_create', color: 'green' },
  'centre_settings.update': { key: 'auditCodes.action.centre_settings_update', color: 'blue' },
  'clock.recompute': { key: 'auditCodes.action.clock_recompute', color: 'default' },
  'consultation.create': { key: 'auditCodes.action.consultation_create', color: 'green' },
  'consultation.handover': { key: 'auditCodes.action.consultation_handover', color: 'blue' },
  'consultation.update': { key: 'auditCodes.action.consultation_update', color: 'blue' },
  'document_pattern.set': { key: 'auditCodes.action.document_pattern_set', color: 'blue' },
  'handler.conflict_add': { key: 'auditCodes.action.handler_conflict_add', color: 'orange' },
  'handler.conflict_remove': { key: 'auditCodes.action.handler_conflict_remove', color: 'default' },
  'handler.create': { key: 'auditCodes.action.handler_create', color: 'green' },
  'handler.training_add': { key: 'auditCodes.action.handler_training_add', color: 'green' },
  'handler.update': { key: 'auditCodes.action.handler_update', color: 'blue' },
  'knowledge.create': { key: 'auditCodes.action.knowledge_create', color: 'green' },
  'knowledge.delete': { key: 'auditCodes.action.knowledge_delete', color: 'red' },
  'law_firm.create': { key: 'auditCodes.action.law_firm_create', color: 'green' },
  'law_firm.update': { key: 'auditCodes.action.law_firm_update', color: 'blue' },
  'person.duplicate_elsewhere': { key: 'auditCodes.action.person_duplicate_elsewhere', color: 'orange' },
  'team.create': { key: 'auditCodes.action.team_create', color: 'green' },
  'team.member_add': { key: 'auditCodes.action.team_member_add', color: 'green' },
  'team.member_end': { key: 'auditCodes.action.team_member_end', color: 'default' },
  'team.update': { key: 'auditCodes.action.team_update', color: 'blue' },
  'termination_report.create': { key: 'auditCodes.action.termination_report_create', color: 'orange' },
  'organ_opinion_requests.create': { key: 'auditCodes.action.organ_opinion_create', color: 'green' },
  'organ_opinion_requests.send': { key: 'auditCodes.action.organ_opinion_send', color: 'blue' },
  'organ_opinion_requests.answer': { key: 'auditCodes.action.organ_opinion_answer', color: 'cyan' },
  'organ_opinion_requests.cancel': { key: 'auditCodes.action.organ_opinion_cancel', color: 'default' },
  'hearing_observation.schedule': { key: 'auditCodes.action.hearing_observation_schedule', color: 'green' },
  'hearing_observation.record': { key: 'auditCodes.action.hearing_observation_record', color: 'blue' },
  'hearing_observation.reply': { key: 'auditCodes.action.hearing_observation_reply', color: 'cyan' },
  'hearing_observation.close': { key: 'auditCodes.action.hearing_observation_close', color: 'default' },
  'hearing_observation.cancel': { key: 'auditCodes.action.hearing_observation_cancel', color: 'default' },
  'hearing_observations.read': { key: 'auditCodes.action.hearing_observations_read', color: 'default' },
  'fee_waiver_requests.create': { key: 'auditCodes.action.fee_waiver_create', color: 'green' },
  'fee_waiver_requests.send': { key: 'auditCodes.action.fee_waiver_send', color: 'blue' },
  'fee_waiver_requests.answer': { key: 'auditCodes.action.fee_waiver_answer', color: 'cyan' },
  'fee_waiver_requests.withdraw': { key: 'auditCodes.action.fee_waiver_withdraw', color: 'default' },
  'fee_waiver_requests.read': { key: 'auditCodes.action.fee_waiver_read', color: 'default' },
  'subsidy_calculations.create': { key: 'auditCodes.action.subsidy_calc_create', color: 'green' },
  'subsidy_calculations.recalculate': { key: 'auditCodes.action.subsidy_calc_recalculate', color: 'blue' },
  'subsidy_calculations.approve': { key: 'auditCodes.action.subsidy_calc_approve', color: 'cyan' },
  'subsidy_calculations.second_approve': {
    key: 'auditCodes.action.subsidy_calc_second_approve',
    color: 'cyan',
  },
  'subsidy_calculations.second_reject': {
    key: 'auditCodes.action.subsidy_calc_second_reject',
    color: 'orange',
  },
  'subsidy_calculations.reopen': { key: 'auditCodes.action.subsidy_calc_reopen', color: 'gold' },
  'subsidy_batches.create': { key: 'auditCodes.action.subsidy_batch_create', color: 'green' },
  'subsidy_batches.submit': { key: 'auditCodes.action.subsidy_batch_submit', color: 'blue' },
  'subsidy_batches.approve': { key: 'auditCodes.action.subsidy_batch_approve', color: 'cyan' },
  'subsidy_batches.cancel': { key: 'auditCodes.action.subsidy_batch_cancel', color: 'default' },
  'subsidy_batches.export_bank_file': { key: 'auditCodes.action.subsidy_batch_export', color: 'purple' },
  'subsidy_batches.bank_return': { key: 'auditCodes.action.subsidy_batch_return', color: 'green' },
  'payee_bank_accounts.create': { key: 'auditCodes.action.payee_account_create', color: 'green' },
  'payee_bank_accounts.update': { key: 'auditCodes.action.payee_account_update', color: 'blue' },
  'bank_file_layouts.save': { key: 'auditCodes.action.bank_layout_save', color: 'blue' },
} as const;

const ENTITY_TYPES = {
  users: 'auditCodes.entity.users',
  organisations: 'auditCodes.entity.organisations',
  organisation_kinds: 'auditCodes.entity.organisation_kinds',
  rule_rows: 'auditCodes.entity.rule_rows',
  calendar_days: 'auditCodes.entity.calendar_days',
  persons: 'auditCodes.entity.persons',
  applications: 'auditCodes.entity.applications',
  case_clock: 'auditCodes.entity.case_clock',
  consultations: 'auditCodes.entity.consultations',
  document_number_patterns: 'auditCodes.entity.document_number_patterns',
  handlers: 'auditCodes.entity.handlers',
  knowledge_articles: 'auditCodes.entity.knowledge_articles',
  law_firms: 'auditCodes.entity.law_firms',
  teams: 'auditCodes.entity.teams',
  organ_opinion_requests: 'auditCodes.entity.organ_opinion_requests',
  hearing_observations: 'auditCodes.entity.hearing_observations',
  fee_waiver_requests: 'auditCodes.entity.fee_waiver_requests',
  subsidy_calculations: 'auditCodes.entity.subsidy_calculations',
  subsidy_batches: 'auditCodes.entity.subsidy_batches',
  payee_bank_accounts: 'auditCodes.entity.payee_bank_accounts',
  bank_file_layouts: 'auditCodes.entity.bank_file_layouts',
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
  const eventLabel = useEventLabel();
  return useMemo(
    () => ({
      action: (code) => {
        if (own(ACTIONS, code)) return t(ACTIONS[code].key);
        // A lifecycle step (`application.file_objection`) is named as in the case's history;
        // a read or a list of a record kind (`consultations.read`) by the kind.
        const [area = '', step = ''] = code.split('.');
        if (area === 'application' && isKnownEvent(step)) return eventLabel(step);
        if ((step === 'read' || step === 'list') && own(ENTITY_TYPES, area))
          return t(`auditCodes.${step}`, { kind: t(ENTITY_TYPES[area]) });
        return code;
      },
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
    [t, roleName, kindName, organisationName, eventLabel],
  );
}
