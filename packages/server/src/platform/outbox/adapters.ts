import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { maskPhone } from '../crypto/field-cipher.ts';
import { SmtpAdapter } from './smtp-adapter.ts';
import { TencentSmsAdapter, type TencentSmsConfig } from './tencent-sms-adapter.ts';

/**
 * Delivery adapters behind one interface: a real SMS gateway or mail server implements `send`;
 * the built-in simulator records what would be sent and says so (`simulated`), so tests and a
 * fresh install exercise the whole path without any outside service.
 */
export interface OutgoingMessage {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
  /** The outbox template (message kind) and its parameters, for providers that send by template. */
  template?: string;
  params?: Record<string, string | number>;
}

export interface DeliveryResult {
  provider: string;
  providerMessageId: string;
  /** `delivered` when the provider confirms at once; `sent` when a receipt comes later. */
  /** `simulated`: no gateway was reached (the built-in simulator); never reported as delivered. */
  status: 'sent' | 'delivered' | 'simulated';
}

/** A carrier's word on one message after it was sent: the handset got it, or the carrier gave up. */
export interface DeliveryReport {
  providerMessageId: string;
  delivered: boolean;
  /** When the handset received it (or the carrier reported the failure). */
  at: Date;
  /** The carrier's description of a failure, with any phone number masked. */
  description?: string;
}

export interface MessageAdapter {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
  /** The provider's name in `outbox_messages.provider`, for matching delivery reports. */
  readonly provider?: string;
  /** Delivery reports not fetched before (a carrier that reports by pull); each is returned once. */
  pullReports?(): Promise<DeliveryReport[]>;
}

/**
 * A refusal that no retry can cure (no template for the kind, a number the carrier rejects): the
 * dispatcher marks the message failed at once instead of trying again for an hour.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Masks every phone-like run of digits in a provider's words (as maskPhone) before they reach `last_error`. */
export function maskDigits(text: string): string {
  return text.replace(/\+?\d{7,}/g, maskPhone);
}

export type MessageAdapters = Record<'sms' | 'email', MessageAdapter>;

export interface SimulatorOptions {
  /**
   * A JSON-lines file to which every message "sent" is appended as `{"to","body","sentAt"}`
   * (pinned by issue 14: tests read one-time codes from `<dataDir>/simulator/sms.jsonl`, as from a
   * carrier).
   */
  journal?: string;
}

export class SimulatorAdapter implements MessageAdapter {
  /** The latest messages "sent", newest last (bounded: the outbox rows are the lasting record). */
  readonly sent: OutgoingMessage[] = [];
  static readonly KEEP = 1000;
  /** Recipients for which the simulated gateway fails, to exercise retries. */
  readonly failFor = new Set<string>();
  readonly #journal: string | undefined;

  constructor(options: SimulatorOptions = {}) {
    this.#journal = options.journal;
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (this.failFor.has(message.recipient)) throw new Error('simulated gateway failure');
    if (this.#journal) {
      await mkdir(path.dirname(this.#journal), { recursive: true });
      const line = { to: message.recipient, body: message.body, sentAt: new Date().toISOString() };
      await appendFile(this.#journal, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    }
    this.sent.push(message);
    if (this.sent.length > SimulatorAdapter.KEEP) this.sent.shift();
    return { provider: 'simulator', providerMessageId: `sim-${message.id}`, status: 'simulated' };
  }
}

/** The simulator's journal files under the data folder (`simulator/sms.jsonl`, `simulator/email.jsonl`). */
export function simulatorJournal(dataDir: string, channel: 'sms' | 'email'): string {
  return path.join(dataDir, 'simulator', `${channel}.jsonl`);
}

/**
 * The adapters the configuration asks for: SMS through Tencent Cloud SMS when FAYUAN_SMS_PROVIDER is
 * `tencent`, e-mail over SMTP when FAYUAN_SMTP_URL is set. Otherwise the simulator, the default for
 * `npm start` and the tests, which writes its journal under the data folder.
 */
export function messageAdaptersFrom(config: {
  dataDir: string;
  smtpUrl?: string | undefined;
  smtpFrom?: string;
  tencentSms?: TencentSmsConfig | undefined;
}): MessageAdapters {
  return {
    sms: config.tencentSms
      ? new TencentSmsAdapter(config.tencentSms)
      : new SimulatorAdapter({ journal: simulatorJournal(config.dataDir, 'sms') }),
    email: config.smtpUrl
      ? new SmtpAdapter(config.smtpUrl, config.smtpFrom ?? 'Fayuan <noreply@localhost>')
      : new SimulatorAdapter({ journal: simulatorJournal(config.dataDir, 'email') }),
  };
}
