import { z } from 'zod'
import type { AuditListInput, AuditPage } from '@/domain/audit'
import { decodeKey, encodeKey } from '../shared/cursor'
import { auditScopeOf } from './access'
import { filterOf } from './filter'
import type { UserCtx } from './ports'
import { auditViews } from './view'

const cursorSchema = z.tuple([z.iso.datetime(), z.number().int().min(1)])

/** audit.list — the audit log of the caller's area, filtered, newest first, paged by cursor. Not itself audited. */
export async function listAudit(input: AuditListInput, ctx: UserCtx): Promise<AuditPage> {
  const { deps, user } = ctx
  const scope = await auditScopeOf(deps, user, input.communityId)
  const limit = input.limit ?? 20
  const after = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const found = await deps.store.audit.search(filterOf(input, scope), { after, limit: limit + 1 })
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return { items: await auditViews(deps, items, user), nextCursor: found.length > limit && last ? encodeKey([last.at, last.id]) : null }
}
