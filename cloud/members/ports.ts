/** The committee's people list (member.*): people are shared records (cloud/shared/ports.ts), households residents'. */
import type { HouseholdRepo } from '../residents'
import type * as shared from '../shared/context'
import type { CommunityRepo, UserRepo } from '../shared/ports'

// ---------- what this feature's use cases receive ----------

/** The repositories the members use cases use. */
export interface MembersStore {
  users: UserRepo
  communities: CommunityRepo
  households: HouseholdRepo
}

export type Deps = shared.Deps<MembersStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
