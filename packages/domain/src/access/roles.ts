/**
 * Roles of the legal aid system (domain.md, "Roles"). A user holds one or more roles within one
 * organisation; what a role may do is the permission list below. Labels live in the i18n catalogs.
 */
export const ROLES = [
  'window_staff', // 窗口 / 12348 接线员
  'workstation_staff', // 工作站 / 联系点
  'reviewer', // 审查人员
  'director', // 中心主任 / 指派
  'handler', // 承办人员
  'duty_lawyer', // 值班律师
  'finance', // 财务
  'supervisor', // 司法局 (supervising justice bureau)
  'rule_admin', // 规则管理员
  'system_admin', // 系统管理员
  'partner_client', // 合作机构接口 (machine client)
  'citizen_portal', // 网上服务 (the public portal's service account, acting for a signed-in citizen)
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'rules.manage',
  'person.read',
  'person.manage',
  'person.unmask',
  'consultation.read',
  'consultation.manage',
  'application.read',
  'application.manage',
  'application.decide',
  'application.approve',
  'objection.decide',
  'knowledge.read',
  'knowledge.manage',
  'handler.read',
  'handler.manage',
  'quality.evaluate',
  'subsidy.read', // see subsidy calculations and payment batches (finance, the director, supervisors)
  'subsidy.pay',
  'subsidy.approve', // approve a payment batch and second-approve a large subsidy adjustment (the director)
  'partner.manage',
  'message.read',
  'duty.manage',
  'duty.serve',
  'complaint.read', // see complaints and their periods
  'complaint.record', // take a complaint by phone, letter or at the window
  'complaint.handle', // accept or decline, decide, answer, extend (the centre's office)
  'complaint.review', // review a complaint's handling when the complainant asks (the bureau)
  'quality.visit', // plan and make follow-up visits to recipients, and close the reviews they open
  'quality.sample', // plan and draw the random sample of closed cases (抽查)
  'quality.inspect', // inspect a closed case's file (卷宗检查) and request its rectification (整改)
  'quality.observe', // observe a hearing of an aided case (庭审旁听), score it and close it after the handler's reply
  'quality.kpi', // the evaluation of centres (考评): each centre's indicators, exported
  'quality.opinion', // ask the case-handling organs for their opinion of a case's legal aid (征询意见)
  'funding.waiver', // ask a court, notary or forensic appraiser to defer, reduce or waive a recipient's fees (费用缓减免)
  'funding.read', // the centre's budget lines, donations and purchased-service contracts, and how they stand
  'funding.manage', // record budget lines, donations and their use, contracts, deliveries and payments (finance)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Everyone who answers or oversees consultations reads the knowledge base; reviewers and directors,
// who hold the centre's legal judgement, write and publish its answers. The handler pool is read by
// those who check qualifications and overseen by the bureau; the director admits and removes handlers.
// A handler reads their own record through GET /handlers/me, which needs no permission.
// The quality evaluation of a closed case is the centre's and the bureau's (LAL art.57, art.59);
// finance records the subsidy paid (LAL art.52, BJR art.32) and reads the case files in its scope
// to do so. The system administrator registers partner institutions and their keys (partner.manage).
// The director builds the duty rosters of the centre's stations (duty.manage); duty lawyers, and the
// handlers who hold duty slots, see their duties, check in and log their services (duty.serve,
// LAL art.14, art.30): what they see is limited to their own slots by the use cases.
// Reviewers and directors, who carry the centre's cases, ask the bodies to defer, reduce or waive a
// recipient's fees (funding.waiver, LAL art.53) and read what was saved.
// Finance keeps the centre's budget lines (LAL art.4), donations (art.9) and purchase-of-service
// contracts (art.15) and records what is spent from them (funding.manage); the director follows how
// each line stands (funding.read).
const GRANTS: Record<Role, readonly Permission[]> = {
  window_staff: [
    'org.read',
    'person.read',
    'person.manage',
    'consultation.read',
    'consultation.manage',
    'application.read',
    'application.manage',
    'knowledge.read',
    'complaint.record',
  ],
  workstation_staff: [
    'org.read',
    'person.read',
    'person.manage',
    'consultation.read',
    'consultation.manage',
    'application.read',
    'application.manage',
    'knowledge.read',
  ],
  reviewer: [
    'org.read',
    'person.read',
    'person.manage',
    'person.unmask',
    'consultation.read',
    'consultation.manage',
    'application.read',
    'application.manage',
    'application.decide',
    'knowledge.read',
    'knowledge.manage',
    'handler.read',
    'quality.evaluate',
    'quality.visit',
    'quality.opinion',
    'funding.waiver',
    'quality.inspect',
    'quality.observe',
  ],
  director: [
    'org.read',
    'user.read',
    'person.read',
    'person.manage',
    'person.unmask',
    'consultation.read',
    'consultation.manage',
    'application.read',
    'application.manage',
    'application.decide',
    'application.approve',
    'knowledge.read',
    'knowledge.manage',
    'handler.read',
    'handler.manage',
    'quality.evaluate',
    'quality.visit',
    'quality.opinion',
    'funding.waiver',
    'quality.sample',
    'quality.inspect',
    'quality.observe',
    'quality.kpi',
    'duty.manage',
    'funding.read',
    'subsidy.read',
    'subsidy.approve',
    'message.read',
    'complaint.read',
    'complaint.record',
    'complaint.handle',
  ],
  handler: ['duty.serve'],
  duty_lawyer: ['duty.serve'],
  finance: ['org.read', 'application.read', 'subsidy.read', 'subsidy.pay', 'funding.read', 'funding.manage'],
  supervisor: [
    'org.read',
    'user.read',
    'audit.read',
    'consultation.read',
    'application.read',
    'objection.decide',
    'knowledge.read',
    'handler.read',
    'quality.evaluate',
    'quality.visit',
    'quality.opinion',
    'quality.sample',
    'quality.inspect',
    'quality.observe',
    'quality.kpi',
    'message.read',
    'complaint.read',
    'complaint.record',
    'complaint.handle',
    'complaint.review',
  ],
  rule_admin: ['org.read', 'rules.manage'],
  system_admin: [
    'org.read',
    'org.manage',
    'user.read',
    'user.manage',
    'audit.read',
    'partner.manage',
    'message.read',
  ],
  partner_client: [],
  citizen_portal: [],
};

/** Accounts that act for a machine or the portal, never for a person at a keyboard: no login. */
export const SERVICE_ROLES: readonly Role[] = ['partner_client', 'citizen_portal'];
export function isServiceRole(role: string): boolean {
  return (SERVICE_ROLES as readonly string[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of GRANTS[role]) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}

/** Supervisors (the justice bureau) oversee every centre, so their data scope is unlimited. */
export function hasCityWideScope(roles: readonly Role[]): boolean {
  return roles.includes('supervisor');
}
