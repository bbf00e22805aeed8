import type { Locale } from '@fayuan/domain';

/**
 * Message texts to applicants and staff, zh-CN first. Parameters are filled in when the message is
 * sent, so a text fix reaches messages still waiting in the outbox.
 */
type Params = Record<string, string | number>;
const TEMPLATES: Record<string, [zh: (p: Params) => string, en: (p: Params) => string]> = {
  // Appointments booked on the portal (issue 14).
  appointment_booked: [
    (p) =>
      `【法律援助】您已预约${p.centre} ${p.at} 的窗口咨询，预约码 ${p.code}。如不能前来，请在网上服务中取消。`,
    (p) =>
      `[Legal aid] Booked: consultation at ${p.centre}, ${p.at}, code ${p.code}. Cancel online if you cannot come.`,
  ],
  appointment_booked_video: [
    (p) => `【法律援助】您已预约${p.centre} ${p.at} 的视频咨询，预约码 ${p.code}。届时请打开：${p.link}`,
    (p) =>
      `[Legal aid] Booked: video consultation with ${p.centre}, ${p.at}, code ${p.code}. Join at: ${p.link}`,
  ],
  appointment_reminder: [
    (p) =>
      `【法律援助】提醒：您预约了${p.centre} ${p.at} 的咨询（预约码 ${p.code}）。${p.link ? `视频链接：${p.link}` : ''}`,
    (p) =>
      `[Legal aid] Reminder: consultation with ${p.centre} at ${p.at} (code ${p.code}). ${p.link ? `Video: ${p.link}` : ''}`,
  ],
  // A follow-up visit by SMS (回访, issue 15): the recipient rates the case on the portal.
  visit_survey: [
    (p) =>
      `【法律援助】您的法律援助案件 ${p.number} 已办结。请登录网上服务“我的申请”为本次服务评价，您的意见将帮助我们改进工作。`,
    (p) =>
      `[Legal aid] Your legal aid case ${p.number} is closed. Please sign in to the portal (My applications) and rate the service.`,
  ],
  // The answer to a complaint (issue 15): the words themselves are read on the portal or by letter.
  complaint_answered: [
    (p) =>
      `【法律援助】您的投诉（编号 ${p.number}）已有处理结果，请登录网上服务查看，或留意${p.centre}的答复。`,
    (p) =>
      `[Legal aid] Your complaint ${p.number} has been answered: sign in to the portal to read it, or watch for ${p.centre}'s reply.`,
  ],
  // The portal's sign-in code (issue 14). Its body is never shown to staff (messages page).
  otp_code: [
    (p) =>
      `【法律援助】您的登录验证码为 ${p.code}，${p.minutes} 分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。`,
    (p) =>
      `[Legal aid] Your sign-in code is ${p.code}, valid for ${p.minutes} minutes. Never share it: our staff will never ask for it.`,
  ],
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
      `【法律援助】经审查，决定不予法律援助（${p.number}）。如有异议，可自收到决定之日起 ${p.objectionDays} 日内向${p.bureau}提出。`,
    (p) =>
      `[Legal aid] Legal aid was refused (${p.number}). You may object to ${p.bureau} within ${p.objectionDays} days.`,
  ],
  application_deemed_withdrawn: [
    (p) => `【法律援助】您的申请（${p.number}）未在 ${p.dueDate} 前补充材料，依法视为撤回。`,
    (p) =>
      `[Legal aid] Application ${p.number}: materials were not supplied by ${p.dueDate}, so it is deemed withdrawn.`,
  ],
  application_withdrawn: [
    (p) => `【法律援助】您的申请（${p.number}）已撤回。如需帮助，可再次申请或拨打 12348。`,
    (p) => `[Legal aid] Application ${p.number} has been withdrawn. Call 12348 if you need help again.`,
  ],
  provisional_aid_granted: [
    (p) => `【法律援助】您的申请（${p.number}）已先行提供法律援助，请于 ${p.dueDate} 前补办有关手续。`,
    (p) =>
      `[Legal aid] Aid has been given in advance on application ${p.number}; please complete the formalities by ${p.dueDate}.`,
  ],
  formalities_completed: [
    (p) => `【法律援助】您的申请（${p.number}）手续已补齐，法律援助继续进行。`,
    (p) => `[Legal aid] The formalities of application ${p.number} are complete; aid continues.`,
  ],
  objection_upheld: [
    (p) => `【法律援助】${p.bureau}经审查，维持对申请（${p.number}）的原决定。`,
    (p) => `[Legal aid] ${p.bureau} has upheld the decision on application ${p.number}.`,
  ],
  objection_corrected: [
    (p) => `【法律援助】${p.bureau}经审查，责令改正对申请（${p.number}）的决定，将为您提供法律援助。`,
    (p) =>
      `[Legal aid] ${p.bureau} has corrected the decision on application ${p.number}; legal aid will be given.`,
  ],
  handler_assigned: [
    (p) => `【法律援助】您的法律援助案件（${p.number}）已指派${p.handler}承办，承办人员将与您联系。`,
    (p) => `[Legal aid] Your case ${p.number} has been assigned to ${p.handler}, who will contact you.`,
  ],
  handler_changed: [
    (p) => `【法律援助】您的法律援助案件（${p.number}）将更换法律援助人员，新的承办人员确定后另行通知您。`,
    (p) => `[Legal aid] Case ${p.number} will have another handler; we will tell you who once assigned.`,
  ],
  // To the handler (法律援助人员), keyed `handler.<event template>`: the case number and what to do,
  // never the client's personal data (they read the case in the system).
  'handler.handler_assigned': [
    (p) =>
      `【法律援助】${p.centre}指派您承办法律援助案件 ${p.number}，请于 ${p.respondBy} 前登录系统查看并接受或拒绝。`,
    (p) =>
      `[Legal aid] ${p.centre} has assigned you case ${p.number}. Sign in to read it and accept or decline by ${p.respondBy}.`,
  ],
  'handler.handler_changed': [
    (p) => `【法律援助】案件 ${p.number} 已更换法律援助人员，您不再承办本案，请与中心办理交接。`,
    (p) =>
      `[Legal aid] Case ${p.number} has a new handler: you no longer handle it; please hand it over to the centre.`,
  ],
  'handler.aid_terminated': [
    (p) => `【法律援助】${p.centre}已决定终止案件 ${p.number} 的法律援助，请停止承办并提交已完成工作的材料。`,
    (p) =>
      `[Legal aid] ${p.centre} has terminated legal aid on case ${p.number}: stop work and hand in the materials of the work done.`,
  ],
  'handler.formalities_completed': [
    (p) => `【法律援助】案件 ${p.number} 的受援人已补办手续，请继续承办。`,
    (p) => `[Legal aid] The recipient of case ${p.number} has completed the formalities: please carry on.`,
  ],
  'handler.closing_accepted': [
    (p) => `【法律援助】案件 ${p.number} 的结案材料已通过审查。`,
    (p) => `[Legal aid] The closing of case ${p.number} has been accepted.`,
  ],
  'handler.closing_returned': [
    (p) => `【法律援助】案件 ${p.number} 的结案材料被退回，请登录系统查看理由并重新提交。`,
    (p) =>
      `[Legal aid] The closing of case ${p.number} was returned: sign in to read why and submit it again.`,
  ],
  'handler.evaluation_recorded': [
    (p) => `【法律援助】案件 ${p.number} 已完成质量评估。`,
    (p) => `[Legal aid] The quality evaluation of case ${p.number} has been recorded.`,
  ],
  'handler.objection_corrected': [
    (p) => `【法律援助】案件 ${p.number} 的终止决定经异议审查已被纠正，法律援助继续，请继续承办。`,
    (p) =>
      `[Legal aid] The termination of case ${p.number} was corrected on objection: aid continues, please carry on.`,
  ],
  'handler.subsidy_paid': [
    (p) => `【法律援助】案件 ${p.number} 的办案补贴已发放，请查收。`,
    (p) => `[Legal aid] The subsidy for case ${p.number} has been paid.`,
  ],
  // The bell's notices by SMS, for the users who chose it (个人设置; notify-users.ts). Being assigned
  // and a closing returned already reach the handler as `handler.*` above, so they have none here.
  'notice.objection_filed': [
    (p) => `【法律援助】案件 ${p.number} 已提出异议，请登录系统查看。`,
    (p) => `[Legal aid] An objection has been filed on case ${p.number}: sign in to read it.`,
  ],
  'notice.hearing_reminder': [
    (p) => `【法律援助】提醒：案件 ${p.number} 安排于 ${p.at} 开庭，请做好准备。`,
    (p) => `[Legal aid] Reminder: the hearing of case ${p.number} is scheduled for ${p.at}.`,
  ],
  'notice.complaint_received': [
    (p) => `【法律援助】收到投诉 ${p.complaint}，请在受理期限内作出是否受理的决定。`,
    (p) => `[Legal aid] Complaint ${p.complaint} received: decide whether to accept it within the period.`,
  ],
  'notice.quality_concern': [
    (p) => `【法律援助】承办人员 ${p.handler} 的承办质量需关注：${p.concern}。请登录系统查看承办业绩。`,
    (p) => `[Legal aid] The quality record of ${p.handler} needs attention: ${p.concern}. Sign in to see it.`,
  ],
  'notice.observation_findings': [
    (p) => `【法律援助】案件 ${p.number} 的庭审旁听意见已送达，请登录系统查看并答复。`,
    (p) =>
      `[Legal aid] The hearing observation findings on case ${p.number} are in: sign in to read and answer them.`,
  ],
  'notice.rectification_overdue': [
    (p) => `【法律援助】案件 ${p.number} 的整改要求已过整改期限（${p.due}），请登录系统查看。`,
    (p) =>
      `[Legal aid] The rectification asked on case ${p.number} is past its deadline (${p.due}): sign in to see it.`,
  ],
  'notice.duty_request': [
    (p) => `【法律援助】${p.institution} 请求值班律师（${p.station}），请登录系统查看。`,
    (p) => `[Legal aid] ${p.institution} asks for a duty lawyer at ${p.station}: sign in to see the request.`,
  ],
};

/** Messages whose text is a secret (a sign-in code): the outbox forgets text and parameters once sent. */
const SECRET_TEMPLATES: ReadonlySet<string> = new Set(['otp_code']);
export function isSecretTemplate(template: string): boolean {
  return SECRET_TEMPLATES.has(template);
}

export function hasTemplate(template: string): boolean {
  return template in TEMPLATES;
}

export function renderMessage(template: string, params: Params, locale: Locale): string {
  const entry = TEMPLATES[template];
  if (!entry) throw new Error(`no message template ${template}`);
  return entry[locale === 'en-US' ? 1 : 0](params);
}
