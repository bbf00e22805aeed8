import { readFile } from 'node:fs/promises';
import { dispatchOutbox } from '../src/platform/outbox/outbox.ts';
import { messageAdaptersFrom, simulatorJournal } from '../src/platform/outbox/adapters.ts';
import { CookieClient, type TestContext } from './harness.ts';

export const PUBLIC = '/api/public/v1';

/** A citizen's phone in miniature: the portal cookie and its CSRF token (set by `signInCitizen`). */
export class CitizenSession extends CookieClient {}

/** Sends what the outbox holds through the simulator, as the running server's dispatcher does. */
export async function deliverMessages(context: TestContext): Promise<void> {
  await dispatchOutbox(context.deps, messageAdaptersFrom(context.deps.config));
}

/** The newest one-time code texted to the phone, read from the simulator's journal (as from a carrier). */
export async function latestOtp(context: TestContext, phone: string): Promise<string | null> {
  let text = '';
  try {
    text = await readFile(simulatorJournal(context.deps.config.dataDir, 'sms'), 'utf8');
  } catch {
    return null;
  }
  const codes = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; body: string })
    .filter((m) => m.to === phone)
    .map((m) => /(\d{6})/.exec(m.body)?.[1])
    .filter((c): c is string => Boolean(c));
  return codes.at(-1) ?? null;
}

/** Asks for a code, reads it from the simulator's journal and signs in: a citizen session. */
export async function signInCitizen(
  context: TestContext,
  phone: string,
  ip = '127.0.0.1',
): Promise<CitizenSession> {
  const session = new CitizenSession(context.app);
  const sent = await context.app.inject({
    method: 'POST',
    url: `${PUBLIC}/otp`,
    payload: { phone },
    remoteAddress: ip,
  });
  if (sent.statusCode !== 202) throw new Error(`OTP request answered ${sent.statusCode}: ${sent.body}`);
  await deliverMessages(context);
  const code = await latestOtp(context, phone);
  if (!code) throw new Error(`no code was texted to ${phone}`);
  const signedIn = await context.app.inject({
    method: 'POST',
    url: `${PUBLIC}/sessions`,
    payload: { phone, code },
    remoteAddress: ip,
  });
  if (signedIn.statusCode !== 200)
    throw new Error(`sign-in answered ${signedIn.statusCode}: ${signedIn.body}`);
  const cookie = signedIn.cookies.find((c) => c.name === 'fayuan_citizen');
  session.cookie = cookie ? `fayuan_citizen=${cookie.value}` : undefined;
  session.csrfToken = signedIn.json<{ csrfToken: string }>().csrfToken;
  return session;
}
