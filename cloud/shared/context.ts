import type { Clock, ContentCheck, Ids, Logger, Notifier, UserRecord } from './ports'

/**
 * What every use case may use. `store` holds the repositories: each feature names the ones it uses in its
 * ports.ts (`Deps<NoticesStore>`) and adds the services only it needs (auth: tokens and WeChat; files: blob
 * storage and signed addresses). The doors hand in one whole Deps (cloud/compose) that holds every feature's.
 */
export interface Deps<S = unknown> {
  store: S
  clock: Clock
  ids: Ids
  contentCheck: ContentCheck
  /** channels beyond the in-app message centre (WeChat subscribe messages); empty by default */
  notifiers: Notifier[]
  log: Logger
}

/** What a use case receives besides its parsed input; `D`: the deps of its feature (cloud/<feature>/ports.ts). */
export interface Ctx<D = Deps> {
  deps: D
  /** the signed-in caller, loaded from the store; null for public actions called without a session */
  user: UserRecord | null
  /** the event's requestId, the key of idempotent creates */
  requestId: string | null
}

export interface UserCtx<D = Deps> extends Ctx<D> {
  user: UserRecord
}
