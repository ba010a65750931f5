/**
 * Ports every feature shares: what a use case may depend on besides its own feature's ports (cloud/<feature>/ports.ts).
 * Adapters (cloud/adapters/*) implement them. The people and places every feature reads — the caller's user record,
 * the community and its grids — live here too, with their repositories.
 *
 * Rule (DESIGN §3): every write that must hold under concurrency is ONE method of a repository, made atomic by the
 * adapter (transaction + UNIQUE / ON CONFLICT / conditional UPDATE). Use cases never read-then-write.
 * Methods are async so that a remote store (PostgreSQL, CloudBase) can implement the same interface.
 */
import type { MessageTarget } from '@/domain/messages'
import type { Role } from '@/domain/shared/roles'

export interface Clock {
  now(): Date
}

export interface Ids {
  newId(): string
}

export type ContentSuggest = 'pass' | 'review' | 'risky'

/** Where a text will be shown: names and profiles, comments, notices, reports (each checker maps it to its own scenes). */
export type ContentScene = 'profile' | 'comment' | 'notice' | 'report'

/**
 * A checker's answer: pass, review (doubtful) or risky; or `unavailable` — the checker could not say (WeChat
 * down, timed out, an errcode): never read as pass. Reports are then held from other residents and rechecked by
 * the sweep; notices, comments and names are refused with the retryable UNAVAILABLE (nothing written).
 */
export type ContentVerdict = { suggest: ContentSuggest; label?: string } | { suggest: 'unavailable'; reason: string }

export interface ContentCheck {
  /** `userId`: the author (WeChat's check needs their openid) */
  check(texts: string[], ctx: { userId: string; scene: ContentScene }): Promise<ContentVerdict>
}

export interface Logger {
  error(obj: unknown, msg?: string): void
  warn(obj: unknown, msg?: string): void
}

/**
 * A channel beyond the in-app message centre (which the store writes in the same transaction as the
 * change): WeChat subscribe messages are one. Called after the change is committed; failures are logged,
 * never undo the change.
 */
export interface OutboundMessage {
  userId: string
  title: string
  body: string
  target: MessageTarget | null
  at: string
}

export interface Notifier {
  notify(messages: OutboundMessage[]): Promise<void>
}

export interface AuditEntry {
  at: string
  actorId: string
  action: string
  targetType: string
  targetId: string
  communityId: string | null
  detail?: Record<string, unknown>
}

export interface AuditRecord extends AuditEntry {
  id: number
}

/** Which rows a reader may see: those of these communities, and (the city) the system-wide ones (no community). */
export interface AuditScope {
  communityIds: string[]
  system: boolean
}

/** audit.list's filters within a scope; times are ISO instants, `since` included, `until` excluded. */
export interface AuditFilter extends AuditScope {
  actorId: string | null
  /** an exact action name */
  action: string | null
  /** a feature's prefix, `report.` */
  actionPrefix: string | null
  targetType: string | null
  targetId: string | null
  since: string | null
  until: string | null
}

/** The sort key of a row, newest first: (at, id) descending. */
export type AuditKey = [string, number]

/** The area of a street, a district or a city, whose communities a tier's staff read. */
export type AuditArea = { streetId: string } | { districtId: string } | { cityId: string }

export interface AuditRepo {
  list(opts: { targetId?: string; limit: number }): Promise<AuditRecord[]>
  /** The rows matching the filter, newest first (at, then id), after the keyset `after`. */
  search(filter: AuditFilter, page: { after: AuditKey | null; limit: number }): Promise<AuditRecord[]>
  /** The distinct action names present in the scope, in name order. */
  actions(scope: AuditScope): Promise<string[]>
  /** The ids of the communities in a street's, district's or city's area. */
  communitiesIn(area: AuditArea): Promise<string[]>
}

/** (user, action, requestId) → the first result, so that a retried create is one record. */
export interface IdempotencyKey {
  userId: string
  action: string
  requestId: string
  /** digest of the input; the same requestId with another input is a CONFLICT */
  fingerprint: string
}

export interface SettingsRepo {
  get(key: string): Promise<string | null>
  /** Stores the value unless the key exists; returns the value that is stored (race-safe across processes). */
  getOrSet(key: string, value: string): Promise<string>
}

// ---------- the organisation: communities and their grids ----------

export interface GridRecord {
  id: string
  communityId: string
  name: string
  /** [[latitude, longitude], ...] in GCJ-02; null when no boundary was drawn */
  boundary: [number, number][] | null
}

export interface CommunityRecord {
  id: string
  name: string
  streetId: string
  streetName: string
  /** the street's district and city (null: the street is placed under none yet) */
  districtId: string | null
  cityId: string | null
  grids: { id: string; name: string; servicePhone: string | null }[]
}

/** Where a community sits in the organisation's order: district (seq, id), street (seq, id), community (seq, id). */
export type CommunityOrderKey = [number, string, number, string, number, string]

/** A community in the list a new resident chooses from. */
export interface CommunityChoiceRecord {
  id: string
  name: string
  streetName: string
  districtName: string | null
  key: CommunityOrderKey
}

export interface CommunityRepo {
  get(id: string): Promise<CommunityRecord | null>
  /**
   * Communities in the organisation's order (district, street, community; streets under no district last), after the
   * keyset `after`; `query` matches a part of the community's, its street's or its district's name.
   */
  search(opts: { query: string | null; limit: number; after: CommunityOrderKey | null }): Promise<CommunityChoiceRecord[]>
  /** The first community in seed order (the demo community). */
  first(): Promise<CommunityRecord | null>
  grid(id: string): Promise<GridRecord | null>
  /** The community's grids with their boundaries, in seed order. */
  grids(communityId: string): Promise<GridRecord[]>
  /** A household of the grid for demo residents, or null when the grid has none. */
  pickHousehold(gridId: string): Promise<string | null>
  /** Sets (null: clears) a grid's published service phone with its audit entry, in one transaction. */
  setGridPhone(gridId: string, phone: string | null, audit: AuditEntry): Promise<void>
}

// ---------- people: sign-in, registration and grid assignment all write one person's rows ----------

export interface UserRecord {
  id: string
  name: string
  phone: string | null
  openid: string | null
  roles: Role[]
  communityId: string | null
  communityName: string | null
  /** where the community sits: its street, district and city (a tier's staff act for the one of their role) */
  streetId: string | null
  districtId: string | null
  cityId: string | null
  gridId: string | null
  gridName: string | null
  householdId: string | null
  verified: boolean
  /** registered by the committee for someone without a smartphone (no openid, never signs in) */
  rosterOnly: boolean
  /** grids a grid worker is responsible for */
  grids: { id: string; name: string }[]
  createdAt: string
  /** the functional department a `department` member works for (absent: none) */
  departmentId?: string | null
}

export interface NewUser {
  id: string
  name: string
  phone?: string | null
  openid?: string | null
  roles: Role[]
  communityId: string | null
  gridId: string | null
  householdId: string | null
  verified: boolean
  workerGridIds: string[]
  rosterOnly?: boolean
  createdAt: string
}

export interface MemberCursor {
  name: string
  id: string
}

export type RegisterOutcome =
  | { kind: 'created'; user: UserRecord }
  | { kind: 'replayed'; user: UserRecord }
  | { kind: 'keyReused' }
  /** someone of that name is already bound to the household */
  | { kind: 'duplicateName' }

export interface UserRepo {
  get(id: string): Promise<UserRecord | null>
  /** Inserts the user with roles, worker grids, household in one transaction. */
  create(user: NewUser): Promise<UserRecord>
  /** Atomic find-or-create by openid (UNIQUE openid); `created` tells which happened. */
  findOrCreateByOpenid(openid: string, candidate: NewUser): Promise<{ user: UserRecord; created: boolean }>
  count(): Promise<number>
  /** `verified`: the number came from WeChat's 手机号快速验证 (a typed one is not) */
  setPhone(id: string, phone: string, verified?: boolean): Promise<UserRecord | null>
  /** People of a community, by name then id; `query` matches name or phone digits. */
  list(
    communityId: string,
    opts: { role?: Role; query?: string; limit: number; after: MemberCursor | null },
  ): Promise<UserRecord[]>
  /**
   * A roster-only resident (no openid) inserted with its audit entry and idempotency row in one transaction;
   * the same requestId again returns the user the first call made; a conditional insert refuses a second
   * person of the same name (spaces ignored) in the household.
   */
  register(user: NewUser, audit: AuditEntry, idem: IdempotencyKey | null): Promise<RegisterOutcome>
  /**
   * Sets the user's worker grids to exactly `gridIds` and the gridWorker role to `gridIds.length > 0`,
   * in one transaction; writes the audit entry only when something changed (`changed` says which).
   */
  assignGrids(userId: string, gridIds: string[], audit: AuditEntry): Promise<{ user: UserRecord; changed: boolean }>
  /**
   * An operator makes whoever signed in with this WeChat openid a staff member (`npm run grant`; on 云开发 there
   * is no dev login): the role added and the user moved to `communityId` (their grid and household cleared when
   * that is another community), with the audit entry `audit(userId)`, in one transaction. Null when no user has
   * that openid (they have not opened the mini-program yet).
   */
  /**
   * A new resident chooses their community: one conditional write (the user has no community yet and no staff role,
   * the community exists) with its audit entry, in one transaction. Null when the condition does not hold — two
   * choices at once: one wins, the other gets null.
   */
  chooseCommunity(userId: string, communityId: string, audit: AuditEntry): Promise<UserRecord | null>
  grantRole(openid: string, role: StaffGrant, communityId: string, audit: (userId: string) => AuditEntry): Promise<UserRecord | null>
}

/** The roles an operator grants from the command line; the others are given in the app (grid workers, volunteers). */
export type StaffGrant = 'committee' | 'street' | 'district' | 'city'

/** Short-lived signed addresses of photos: only who may see a report gets its photos' URLs. */
export interface FileUrls {
  /**
   * a path like /files/<id>?e=<expiry>&s=<signature>, relative to the API's origin; `scope` is who the photo may
   * be shown to now (its report's audience): the URL serves only while the scope at read is the same
   */
  sign(fileId: string, scope?: string): string
  /** true when the signature is the server's for this file and scope, and not expired */
  verify(fileId: string, expires: string, signature: string, scope?: string): boolean
}

/**
 * Named leases across the processes serving one database: a periodic job (the reminders sweep, the photo sweep)
 * runs in the process that holds its lease, so that several processes run it once, not once each.
 */
export interface LeaseRepo {
  /**
   * Takes the lease `name` for `holder` until `until`, or renews it when `holder` has it; one atomic conditional
   * upsert. False when another holder's lease runs past `now`.
   */
  take(name: string, holder: string, now: string, until: string): Promise<boolean>
}
