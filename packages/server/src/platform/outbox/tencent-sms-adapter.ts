import type { Agent } from 'node:http';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import {
  type DeliveryReport,
  type DeliveryResult,
  maskDigits,
  type MessageAdapter,
  type OutgoingMessage,
  PermanentDeliveryError,
} from './adapters.ts';

/** One message kind's approved Tencent template and the order of its variables ({1}, {2} …). */
export interface TencentSmsTemplate {
  id: string;
  params: string[];
}

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  /** The SMS application (SmsSdkAppId) the templates belong to. */
  sdkAppId: string;
  /** The approved signature's text (签名内容, e.g. 北京市法律援助中心), without 【】. */
  signName: string;
  region: string;
  /**
   * `https://sms.tencentcloudapi.com` unless a regional one is named. The SDK signs for the service
   * named by the host's first label, so the host must start with `sms.`.
   */
  endpoint: string;
  /** Per message kind (outbox template), e.g. `otp_code` → `{ id: "2345678", params: ["code", "minutes"] }`. */
  templates: Record<string, TencentSmsTemplate>;
}

/**
 * Codes with which Tencent refuses a message for good: a retry cannot cure a rejected number, an
 * unapproved template or signature, or a template whose variables do not fit. Anything else (rate
 * limits, the carrier's timeouts, an outage) is retried with the outbox's back-off.
 */
const PERMANENT = [
  'InvalidParameterValue',
  'InvalidParameter',
  'MissingParameter',
  'UnsupportedOperation',
  'UnauthorizedOperation',
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'FailedOperation.SignatureIncorrectOrUnapproved',
  'FailedOperation.ContainSensitiveWord',
  'FailedOperation.MissingTemplateToModify',
];
const isPermanent = (code: string) => PERMANENT.some((p) => code === p || code.startsWith(`${p}.`));

/**
 * SMS through Tencent Cloud SMS (API 2021-01-11) with its official SDK, which signs each request
 * with TC3-HMAC-SHA256. Messages go out by approved template (China's carriers accept no free
 * text): the outbox kind picks the template and its parameters fill the variables in order.
 * Delivery reports are pulled (PullSmsSendStatus, signed like any call) rather than pushed, since
 * Tencent's push callback carries no signature a centre could check (ADR 0025).
 */
export class TencentSmsAdapter implements MessageAdapter {
  readonly provider = 'tencent-sms';
  readonly #client: InstanceType<typeof sms.v20210111.Client>;
  readonly #config: TencentSmsConfig;

  /** `agent`: how connections are made (a proxy's agent; the tests' agent that dials a local server). */
  constructor(config: TencentSmsConfig, options: { agent?: Agent } = {}) {
    this.#config = config;
    const url = new URL(config.endpoint);
    this.#client = new sms.v20210111.Client({
      credential: { secretId: config.secretId, secretKey: config.secretKey },
      region: config.region,
      profile: {
        httpProfile: {
          endpoint: url.host,
          protocol: `${url.protocol}//`,
          reqTimeout: 15,
          ...(options.agent ? { agent: options.agent } : {}),
        },
      },
    });
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const kind = message.template ?? '';
    const template = this.#config.templates[kind];
    if (!template)
      throw new PermanentDeliveryError(
        `no Tencent SMS template for the kind "${kind}" (FAYUAN_TENCENT_SMS_TEMPLATES)`,
      );
    const values = template.params.map((name) => message.params?.[name]);
    const missing = template.params.filter((_, i) => values[i] === undefined);
    if (missing.length > 0)
      throw new PermanentDeliveryError(`the kind "${kind}" has no value for ${missing.join(', ')}`);

    const response = await this.#call(() =>
      this.#client.SendSms({
        PhoneNumberSet: [e164(message.recipient)],
        SmsSdkAppId: this.#config.sdkAppId,
        SignName: this.#config.signName,
        TemplateId: template.id,
        TemplateParamSet: values.map(String),
        // Comes back with the delivery report: ties it to the outbox row even without the serial.
        SessionContext: message.id,
      }),
    );
    const status = response.SendStatusSet?.[0];
    if (!status)
      throw new Error(`Tencent SMS answered without a send status (request ${response.RequestId ?? '?'})`);
    if (status.Code !== 'Ok') {
      const words = `Tencent SMS ${status.Code ?? 'error'}: ${maskDigits(status.Message ?? '')}`;
      throw isPermanent(status.Code ?? '') ? new PermanentDeliveryError(words) : new Error(words);
    }
    return { provider: this.provider, providerMessageId: status.SerialNo ?? message.id, status: 'sent' };
  }

  async pullReports(limit = 100): Promise<DeliveryReport[]> {
    const response = await this.#call(() =>
      this.#client.PullSmsSendStatus({ Limit: limit, SmsSdkAppId: this.#config.sdkAppId }),
    );
    return (response.PullSmsSendStatusSet ?? []).flatMap((report) =>
      report.SerialNo
        ? [
            {
              providerMessageId: report.SerialNo,
              delivered: report.ReportStatus === 'SUCCESS',
              at: new Date((report.UserReceiveTime ?? Date.now() / 1000) * 1000),
              ...(report.ReportStatus === 'SUCCESS'
                ? {}
                : { description: maskDigits(report.Description ?? report.ReportStatus ?? 'failed') }),
            },
          ]
        : [],
    );
  }

  /** The SDK's errors carry Tencent's code and words; they are kept, masked, never the secret. */
  async #call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      const words = `Tencent SMS ${code}: ${maskDigits((error as Error).message ?? '').slice(0, 300)}`;
      throw isPermanent(code) ? new PermanentDeliveryError(words) : new Error(words);
    }
  }
}

/** A mainland number as Tencent wants it (+86…); a number already in international form is kept. */
function e164(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  return digits.startsWith('+') ? digits : `+86${digits}`;
}
