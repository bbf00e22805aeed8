import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryResult, MessageAdapter, OutgoingMessage } from './adapters.ts';

/**
 * E-mail over SMTP with nodemailer (FAYUAN_SMTP_URL, e.g. `smtps://user:pass@mail.example.gov.cn`,
 * and FAYUAN_SMTP_FROM). A message the server accepts is `sent`: SMTP tells no more until a bounce,
 * which comes back as mail. The URL's password never reaches a log or `last_error`.
 */
export class SmtpAdapter implements MessageAdapter {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(url: string, from: string) {
    this.#transport = nodemailer.createTransport(url);
    this.#from = from;
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: message.recipient,
        subject: subjectOf(message.body),
        text: message.body,
      });
      return { provider: 'smtp', providerMessageId: String(info.messageId ?? message.id), status: 'sent' };
    } catch (error) {
      // nodemailer's errors carry the server's reply (a code and words), never the credentials.
      const code = (error as { responseCode?: number }).responseCode;
      const reply = (error as { response?: string }).response ?? (error as Error).message;
      throw new Error(`SMTP ${code ?? 'error'}: ${String(reply).slice(0, 300)}`);
    }
  }

  close(): void {
    this.#transport.close();
  }
}

/** The text's bracketed tag and first clause, as a subject line (【法律援助】您的申请已受理…). */
function subjectOf(body: string): string {
  const first = body.split(/[。.\n]/)[0] ?? body;
  return first.slice(0, 60);
}
