import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestContext } from '../../packages/server/test/harness.ts';
import { buildAdmin } from '../../packages/server/test/factories.ts';
import { dispatchPartnerCallbacks } from '../../packages/server/src/modules/partner-events/dispatch-callbacks.ts';
import { dispatchOutbox } from '../../packages/server/src/platform/outbox/outbox.ts';
import { messageAdaptersFrom } from '../../packages/server/src/platform/outbox/adapters.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/web/dist');

export interface RunningServer {
  baseUrl: string;
  context: TestContext;
  admin: { username: string; password: string };
  stop: () => Promise<void>;
}

/** The real app (API + built web app) on a free port over its own fresh database. */
export async function startServer(): Promise<RunningServer> {
  const context = await startTestApp({}, { webDist, realClock: true });
  const admin = await buildAdmin(context.deps);
  await context.app.listen({ port: 0, host: '127.0.0.1' });
  const address = context.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  // As main.ts does: messages (through the simulator, which journals them under the data folder)
  // and the organs' callbacks leave from the outbox (here every half second).
  const adapters = messageAdaptersFrom(context.deps.config);
  let dispatching = Promise.resolve();
  const timer = setInterval(() => {
    dispatching = dispatching
      .then(() => dispatchOutbox(context.deps, adapters))
      .then(() => dispatchPartnerCallbacks(context.deps))
      .then(
        () => undefined,
        () => undefined,
      );
  }, 500);
  const stop = async () => {
    clearInterval(timer);
    await dispatching;
    await context.close();
  };
  return { baseUrl: `http://127.0.0.1:${address.port}`, context, admin, stop };
}
