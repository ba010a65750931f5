import type { Deps } from '../deps'
import type { UserRecord } from '../ports'

/** What a use case receives besides its parsed input. */
export interface Ctx {
  deps: Deps
  /** the signed-in caller, loaded from the store; null for public actions called without a session */
  user: UserRecord | null
  /** the event's requestId, the key of idempotent creates */
  requestId: string | null
}

export interface UserCtx extends Ctx {
  user: UserRecord
}
