/**
 * Partner institutions (合作机构): the justice organs and agencies that call Fayuan's partner API
 * (`/api/partner/v1`, architecture.md "Doors for people outside the centre") with signed requests.
 */
export const PARTNER_KINDS = [
  'police', // 公安机关
  'procuratorate', // 人民检察院
  'court', // 人民法院
  'detention_centre', // 看守所
  'prison', // 监狱
  'civil_affairs', // 民政部门
  'disabled_federation', // 残疾人联合会
  'legal_aid_centre', // 其他地区的法律援助机构
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What a partner may be allowed to call; each inbound operation names one of these. */
export const PARTNER_OPERATIONS = [
  'criminal_notices',
  'forwarded_applications',
  'duty_lawyer_requests',
] as const;
export type PartnerOperation = (typeof PARTNER_OPERATIONS)[number];

/** Signature algorithms of the pinned scheme: `X-Fayuan-Signature: <algorithm>=<lowercase hex>`. */
export const PARTNER_SIGNATURE_ALGORITHMS = ['hmac-sha256', 'hmac-sm3'] as const;
export type PartnerSignatureAlgorithm = (typeof PARTNER_SIGNATURE_ALGORITHMS)[number];
