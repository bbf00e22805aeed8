/** The same server URL pointed at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The role passwords of the test server. Roles belong to the whole server, which several test runs
 * share, so every run sets the same ones and none signs another out.
 */
export const TEST_ROLE_PASSWORDS = { owner: 'fayuan-test-owner', app: 'fayuan-test-app' };
