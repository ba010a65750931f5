import type * as shared from '../shared/context'
import type { AuditRepo, CommunityRepo, UserRepo } from '../shared/ports'

/** 操作日志 (issue 19): reads audit_log through AuditRepo (cloud/shared/ports.ts), which every feature writes. */

export type { AuditFilter, AuditKey, AuditRecord, AuditRepo, AuditScope } from '../shared/ports'

export interface AuditStore {
  audit: AuditRepo
  communities: CommunityRepo
  /** the actors' names and roles */
  users: UserRepo
}

export type Deps = shared.Deps<AuditStore>
export type UserCtx = shared.UserCtx<Deps>
