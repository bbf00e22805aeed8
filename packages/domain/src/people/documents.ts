/**
 * Identity documents a person may present. Only the resident identity card has a number Fayuan can
 * validate (GB 11643); the others are recorded as given.
 */
export const DOCUMENT_TYPES = [
  'resident_id', // 居民身份证
  'passport', // 护照
  'hk_macao_permit', // 港澳居民来往内地通行证
  'taiwan_permit', // 台湾居民来往大陆通行证
  'foreign_permanent_residence', // 外国人永久居留身份证
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Who may apply on a person's behalf (LAL art.40): the legal representative of a person without
 * full capacity, a close relative of a suspect or defendant in custody, or an authorised agent.
 */
export const REPRESENTATIVE_ROLES = ['legal_representative', 'close_relative', 'agent'] as const;
export type RepresentativeRole = (typeof REPRESENTATIVE_ROLES)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
