import type { Locale, OrganisationId, Permission, Role, UserId } from '@fayuan/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import type { FileStore } from './storage/file-store.ts';
import type pg from 'pg';
import type { DataScope } from './scope/data-scope.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every use case may depend on; built once in main.ts (or a test) and passed to buildApp. */
export interface AppDeps {
  config: Config;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  cipher: FieldCipher;
  /** Uploaded files and issued documents (on disk under the data folder by default). */
  files: FileStore;
  /** Asks the outbox dispatcher to send now rather than at its next tick (one-time codes). */
  outbox?: { wake(): void };
}

/** Who an audit row names as having acted. */
export interface AuditActor {
  userId: UserId;
  username: string;
  roles: Role[];
  organisationId: OrganisationId;
}

/** The signed-in staff member behind a request, with everything policy and data scope need. */
export interface Actor extends AuditActor {
  displayName: string;
  organisation: { id: string; code: string; name: string; kind: string; path: string };
  permissions: Permission[];
  organisationPath: string;
  /** Which organisations' records this actor may see and change. */
  scope: DataScope;
  mustChangePassword: boolean;
  sessionTokenHash: string;
  csrfToken: string;
  locale: Locale;
}

/** Who did something and from where: what an audit row records about its origin. */
export interface RequestOrigin {
  actor: AuditActor | null;
  ip: string | null;
  requestId: string;
}
