/**
 * Delivery adapters behind one interface: a real SMS gateway or mail server implements `send`;
 * the built-in simulator records what would be sent and reports it delivered, so tests and a
 * fresh install exercise the whole path without any outside service.
 */
export interface OutgoingMessage {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
}

export interface DeliveryResult {
  provider: string;
  providerMessageId: string;
  /** `delivered` when the provider confirms at once; `sent` when a receipt comes later. */
  /** `simulated`: no gateway was reached (the built-in simulator); never reported as delivered. */
  status: 'sent' | 'delivered' | 'simulated';
}

export interface MessageAdapter {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

export class SimulatorAdapter implements MessageAdapter {
  /** The latest messages "sent", newest last (bounded: the outbox rows are the lasting record). */
  readonly sent: OutgoingMessage[] = [];
  static readonly KEEP = 1000;
  /** Recipients for which the simulated gateway fails, to exercise retries. */
  readonly failFor = new Set<string>();

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (this.failFor.has(message.recipient)) throw new Error('simulated gateway failure');
    this.sent.push(message);
    if (this.sent.length > SimulatorAdapter.KEEP) this.sent.shift();
    return { provider: 'simulator', providerMessageId: `sim-${message.id}`, status: 'simulated' };
  }
}
