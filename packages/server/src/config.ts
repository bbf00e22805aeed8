import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TencentSmsConfig } from './platform/outbox/tencent-sms-adapter.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server to use; when absent the embedded server in `dataDir` is started. */
  databaseUrl: string | undefined;
  /** The owner role's connection for migrations (ADR 0008): DATABASE_MIGRATION_URL, else DATABASE_URL. */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  /** 32+ bytes of key material for field encryption and signing; read from the data folder when not given. */
  secretKey: string | undefined;
  logLevel: LogLevel;
  /** Trust X-Forwarded-For from a reverse proxy for the client address. */
  trustProxy: boolean;
  /**
   * The session cookie's Secure flag: 'auto' sets it when the request arrived over HTTPS (the
   * proxy's X-Forwarded-Proto counts only with trustProxy), true always, false never.
   */
  secureCookies: 'auto' | boolean;
  /** The lowest zxcvbn score (0–4) a new password must reach. */
  passwordMinScore: number;
  /** Client addresses that may read /metrics without the token. */
  metricsAllow: string[];
  /** A bearer token that opens /metrics from any address; undefined means no token is accepted. */
  metricsToken: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Login attempts allowed per client address per minute (shared across processes). */
  loginLimitPerAddress: number;
  /** Login attempts allowed per username per 15 minutes (shared across processes). */
  loginLimitPerAccount: number;
  /** Hours an old partner key stays valid after a rotation (FAYUAN_PARTNER_KEY_OVERLAP_HOURS, max 168). */
  partnerKeyOverlapHours: number;
  /** How long one callback to a partner may take (FAYUAN_PARTNER_CALLBACK_TIMEOUT_MS). */
  partnerCallbackTimeoutMs: number;
  /** SMTP server for e-mail (FAYUAN_SMTP_URL, smtp:// or smtps://); unset: e-mail goes to the simulator. */
  smtpUrl: string | undefined;
  /** The sender of e-mail (FAYUAN_SMTP_FROM). */
  smtpFrom: string;
  /** Tencent Cloud SMS (FAYUAN_SMS_PROVIDER=tencent and FAYUAN_TENCENT_SMS_*); unset: SMS goes to the simulator. */
  tencentSms: TencentSmsConfig | undefined;
  /** One-time codes a phone may ask for per hour on the portal (FAYUAN_OTP_LIMIT_PER_PHONE). */
  otpLimitPerPhone: number;
  /** Seconds before the same phone may ask for another code (FAYUAN_OTP_RESEND_SECONDS). */
  otpResendSeconds: number;
  /** One-time codes one client address may ask for per hour (FAYUAN_OTP_LIMIT_PER_ADDRESS). */
  otpLimitPerAddress: number;
  /** How long a callback is retried before it is marked failed (FAYUAN_PARTNER_CALLBACK_HORIZON_HOURS). */
  partnerCallbackHorizonHours: number;
  webDist: string;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function secureCookiesFrom(raw: string | undefined): 'auto' | boolean {
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(`FAYUAN_SECURE_COOKIES must be auto, true or false, got "${raw}"`);
}

function addressesFrom(raw: string | undefined): string[] {
  if (raw === undefined) return ['127.0.0.1', '::1'];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function smtpUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^smtps?:\/\//.test(raw)) throw new ConfigError('FAYUAN_SMTP_URL must start with smtp:// or smtps://');
  return raw;
}

const smsTemplates = z.record(z.string(), z.object({ id: z.string(), params: z.array(z.string()) }));

/**
 * FAYUAN_SMS_PROVIDER: `simulator` (the default) or `tencent`, which needs the FAYUAN_TENCENT_SMS_*
 * variables; the templates are JSON, one approved template per message kind with the order of its
 * variables: `{"otp_code":{"id":"2345678","params":["code","minutes"]}}`.
 */
function tencentSmsFrom(env: NodeJS.ProcessEnv): TencentSmsConfig | undefined {
  const provider = env.FAYUAN_SMS_PROVIDER || 'simulator';
  if (provider === 'simulator') return undefined;
  if (provider !== 'tencent')
    throw new ConfigError(`FAYUAN_SMS_PROVIDER must be simulator or tencent, got "${provider}"`);
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(`FAYUAN_SMS_PROVIDER=tencent needs ${name}`);
    return value;
  };
  let json: unknown;
  try {
    json = JSON.parse(need('FAYUAN_TENCENT_SMS_TEMPLATES'));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('FAYUAN_TENCENT_SMS_TEMPLATES must be JSON: {"kind":{"id":"…","params":["…"]}}');
  }
  const templates = smsTemplates.safeParse(json);
  if (!templates.success)
    throw new ConfigError(
      'FAYUAN_TENCENT_SMS_TEMPLATES: each kind needs {"id": string, "params": [string…]}',
    );
  const host = env.FAYUAN_TENCENT_SMS_ENDPOINT || 'sms.tencentcloudapi.com';
  if (!/^sms\.[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host))
    throw new ConfigError(
      'FAYUAN_TENCENT_SMS_ENDPOINT must be a host name starting with sms., e.g. sms.ap-guangzhou.tencentcloudapi.com',
    );
  const endpoint = `https://${host}`;
  return {
    secretId: need('FAYUAN_TENCENT_SMS_SECRET_ID'),
    secretKey: need('FAYUAN_TENCENT_SMS_SECRET_KEY'),
    sdkAppId: need('FAYUAN_TENCENT_SMS_SDK_APP_ID'),
    signName: need('FAYUAN_TENCENT_SMS_SIGN_NAME'),
    region: env.FAYUAN_TENCENT_SMS_REGION || 'ap-guangzhou',
    endpoint,
    templates: templates.data,
  };
}

function metricsTokenFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16) throw new ConfigError('FAYUAN_METRICS_TOKEN must be at least 16 characters');
  return raw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // npm runs workspace scripts inside the workspace folder; relative paths mean the caller's folder.
  const callerDir = env.INIT_CWD ?? process.cwd();
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const secretKey = env.FAYUAN_SECRET_KEY || undefined;
  if (secretKey !== undefined && secretKey.length < 32)
    throw new ConfigError('FAYUAN_SECRET_KEY must be at least 32 characters');
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.DATABASE_URL ? env.DATABASE_MIGRATION_URL || env.DATABASE_URL : undefined,
    dataDir: env.FAYUAN_DATA_DIR
      ? path.resolve(callerDir, env.FAYUAN_DATA_DIR)
      : path.join(REPO_ROOT, 'data'),
    adminPassword: env.FAYUAN_ADMIN_PASSWORD || undefined,
    secretKey,
    logLevel,
    trustProxy: env.FAYUAN_TRUST_PROXY === 'true',
    secureCookies: secureCookiesFrom(env.FAYUAN_SECURE_COOKIES),
    passwordMinScore: intFrom(env, 'FAYUAN_PASSWORD_MIN_SCORE', 3, 0, 4),
    metricsAllow: addressesFrom(env.FAYUAN_METRICS_ALLOW),
    metricsToken: metricsTokenFrom(env.FAYUAN_METRICS_TOKEN),
    sessionIdleMinutes: intFrom(env, 'FAYUAN_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: intFrom(env, 'FAYUAN_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    loginLimitPerAddress: intFrom(env, 'FAYUAN_LOGIN_LIMIT_PER_ADDRESS', 30, 1, 1_000_000),
    loginLimitPerAccount: intFrom(env, 'FAYUAN_LOGIN_LIMIT_PER_ACCOUNT', 10, 1, 1_000_000),
    partnerKeyOverlapHours: intFrom(env, 'FAYUAN_PARTNER_KEY_OVERLAP_HOURS', 24, 0, 168),
    partnerCallbackTimeoutMs: intFrom(env, 'FAYUAN_PARTNER_CALLBACK_TIMEOUT_MS', 10_000, 1_000, 60_000),
    smtpUrl: smtpUrlFrom(env.FAYUAN_SMTP_URL),
    smtpFrom: env.FAYUAN_SMTP_FROM || 'Fayuan <noreply@localhost>',
    tencentSms: tencentSmsFrom(env),
    otpLimitPerPhone: intFrom(env, 'FAYUAN_OTP_LIMIT_PER_PHONE', 5, 1, 1_000_000),
    otpResendSeconds: intFrom(env, 'FAYUAN_OTP_RESEND_SECONDS', 60, 0, 3600),
    otpLimitPerAddress: intFrom(env, 'FAYUAN_OTP_LIMIT_PER_ADDRESS', 30, 1, 1_000_000),
    partnerCallbackHorizonHours: intFrom(env, 'FAYUAN_PARTNER_CALLBACK_HORIZON_HOURS', 24, 1, 168),
    webDist: path.join(REPO_ROOT, 'packages/web/dist'),
  };
}
