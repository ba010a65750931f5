/** community.get reads the caller's community (its records and repository are shared: cloud/shared/ports.ts). */
import type * as shared from '../shared/context'
import type { CommunityRepo } from '../shared/ports'

// ---------- what this feature's use cases receive ----------

/** The repositories community.get uses. */
export interface CommunityStore {
  communities: CommunityRepo
}

export type Deps = shared.Deps<CommunityStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
