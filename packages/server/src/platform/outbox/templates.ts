import type { Locale } from '@fayuan/domain';

/**
 * Message texts to applicants and staff, zh-CN first. Parameters are filled in when the message is
 * sent, so a text fix reaches messages still waiting in the outbox.
 */
type Params = Record<string, string | number>;
const TEMPLATES: Record<string, [zh: (p: Params) => string, en: (p: Params) => string]> = {
  application_received: [
    (p) => `【法律援助】您的法律援助申请已受理，受理编号 ${p.number}。我们将在法定期限内审查并告知结果。`,
    (p) =>
      `[Legal aid] Your application has been received, number ${p.number}. We will decide within the statutory period.`,
  ],
  supplement_requested: [
    (p) => `【法律援助】您的申请需补充材料：${p.items}。请于 ${p.dueDate} 前提交，逾期视为撤回申请。`,
    (p) =>
      `[Legal aid] Please supply: ${p.items} by ${p.dueDate}; otherwise the application is deemed withdrawn.`,
  ],
  aid_granted: [
    (p) => `【法律援助】经审查，决定给予您法律援助（${p.number}），我们将尽快指派法律援助人员。`,
    (p) => `[Legal aid] Legal aid has been granted (${p.number}); a handler will be assigned shortly.`,
  ],
  aid_refused: [
    (p) =>
      `【法律援助】经审查，决定不予法律援助（${p.number}）。如有异议，可自收到决定之日起 15 日内向司法行政部门提出。`,
    (p) =>
      `[Legal aid] Legal aid was refused (${p.number}). You may object to the justice bureau within 15 days.`,
  ],
};

export function hasTemplate(template: string): boolean {
  return template in TEMPLATES;
}

export function renderMessage(template: string, params: Params, locale: Locale): string {
  const entry = TEMPLATES[template];
  if (!entry) throw new Error(`no message template ${template}`);
  return entry[locale === 'en-US' ? 1 : 0](params);
}
