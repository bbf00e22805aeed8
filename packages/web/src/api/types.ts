// Response and request shapes of the HTTP API, as documented in docs/api.md.

export type Permission =
  'org.read' | 'org.manage' | 'user.read' | 'user.manage' | 'audit.read' | 'rules.manage';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ListParams {
  page?: number;
  pageSize?: number;
  /** `field` ascending or `-field` descending. */
  sort?: string;
}

export interface MeOrganisation {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  organisation: MeOrganisation;
  mustChangePassword: boolean;
  locale: string;
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: string[];
  status: UserStatus;
  phoneMasked: string | null;
  mustChangePassword?: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserListParams extends ListParams {
  q?: string;
  organisationId?: string;
  role?: string;
  status?: UserStatus;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  password: string;
  phone?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  organisationId?: string;
  roles?: string[];
  status?: UserStatus;
  phone?: string | null;
}

export interface Organisation {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  regionCode: string | null;
  address: string | null;
  /** docs/api.md names it `phoneMasked`; the server currently sends `phone`. Read both. */
  phoneMasked?: string | null;
  phone?: string | null;
  active: boolean;
  path: string;
  depth: number;
  createdAt: string;
}

/** An entry of GET /organisations/tree: flat, linked by `parentId`. */
export type OrganisationTreeEntry = Pick<
  Organisation,
  'id' | 'parentId' | 'code' | 'name' | 'kind' | 'depth'
> &
  Partial<Omit<Organisation, 'id' | 'parentId' | 'code' | 'name' | 'kind' | 'depth'>>;

export interface CreateOrganisationInput {
  parentId: string;
  code: string;
  name: string;
  kind: string;
  regionCode?: string;
  address?: string;
  phone?: string;
}

export interface UpdateOrganisationInput {
  /** Moves the organisation, with its whole subtree, under another parent. */
  parentId?: string;
  name?: string;
  kind?: string;
  /** null clears the value. */
  regionCode?: string | null;
  address?: string | null;
  phone?: string | null;
  active?: boolean;
}

export interface OrganisationKind {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  /** Smaller first; the server lists kinds in this order. */
  sortOrder?: number;
}

export interface CreateOrganisationKindInput {
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder?: number;
}

export interface UpdateOrganisationKindInput {
  nameZh?: string;
  nameEn?: string;
  sortOrder?: number;
  active?: boolean;
}

export interface Role {
  code: string;
  name: string;
}

export interface AuditChange {
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRoles: string[] | null;
  organisationId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, AuditChange> | null;
  requestId: string | null;
}

export interface AuditListParams extends ListParams {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number | string | null;
}
