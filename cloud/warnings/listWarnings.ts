import { z } from 'zod'
import type { WarningListInput, WarningPage } from '@/domain/warnings'
import { decodeKey, encodeKey } from '../shared/cursor'
import type { UserCtx } from './ports'
import { scopeOf } from './access'
import { warningView } from './view'

const cursorSchema = z.number().int().min(0)

/** warning.list — the warnings of the caller's area, newest first, open or closed or both (paged by cursor). */
export async function listWarnings(input: WarningListInput, ctx: UserCtx): Promise<WarningPage> {
  const { deps, user } = ctx
  const scope = await scopeOf(deps, user, input.communityId)
  const limit = input.limit ?? 20
  const after = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const found = await deps.store.warnings.list({ ...scope, status: input.status ?? null, after, limit: limit + 1 })
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map(warningView), nextCursor: found.length > limit && last ? encodeKey(last.seq) : null }
}
