/** Nominal typing: a `Brand<string, 'UserId'>` cannot be passed where an `OrganisationId` is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type UserId = Brand<string, 'UserId'>;
export type OrganisationId = Brand<string, 'OrganisationId'>;
/** A legal aid handler in the registry (法律援助人员), not the login they may have. */
export type HandlerId = Brand<string, 'HandlerId'>;
/** Integer amount in fen (1/100 yuan). */
export type Fen = Brand<number, 'Fen'>;
/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = Brand<string, 'LocalDate'>;

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
