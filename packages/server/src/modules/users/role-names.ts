import type { Locale, Role } from '@fayuan/domain';

const NAMES: Record<Role, [zh: string, en: string]> = {
  window_staff: ['窗口/热线接待人员', 'Window / hotline staff'],
  workstation_staff: ['工作站人员', 'Workstation staff'],
  reviewer: ['审查人员', 'Reviewer'],
  director: ['中心主任', 'Director'],
  handler: ['承办人员', 'Handler'],
  duty_lawyer: ['值班律师', 'Duty lawyer'],
  finance: ['财务人员', 'Finance'],
  supervisor: ['司法行政监督人员', 'Supervisor (justice bureau)'],
  rule_admin: ['规则管理员', 'Rule administrator'],
  system_admin: ['系统管理员', 'System administrator'],
  partner_client: ['合作机构接口', 'Partner institution client'],
  citizen_portal: ['网上服务（申请人本人）', 'Public portal (the applicant in person)'],
};

export function roleName(role: Role, locale: Locale): string {
  return NAMES[role][locale === 'en-US' ? 1 : 0];
}
