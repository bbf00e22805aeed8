import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/** What a browser test file runs against: one server and one browser, started before its tests. */
export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
}

/**
 * Starts a server and a browser before the file's tests and stops them after; read `server` and
 * `browser` inside the tests (they are set once `beforeAll` has run).
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
