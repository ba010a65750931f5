import type { rulesHistorySchema, RulesHistoryPage } from '@/domain/motions'
import { z } from 'zod'
import type { UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'
import { settle } from './access'
import { rulesView } from './view'
import { communityOf } from './viewCurrentRules'

const cursorSchema = z.strictObject({ version: z.number().int().min(1) })

/** rules.history — every adopted version, newest first; earlier versions stay readable. */
export async function listRulesHistory(input: z.output<typeof rulesHistorySchema>, ctx: UserCtx): Promise<RulesHistoryPage> {
  const communityId = communityOf(ctx)
  await settle(ctx.deps, { communityId })
  const limit = input.limit ?? 20
  const before = input.cursor ? decodeKey(cursorSchema, input.cursor).version : null
  const rows = await ctx.deps.store.motions.rulesHistory(communityId, { limit: limit + 1, before })
  const page = rows.slice(0, limit)
  return {
    items: page.map(rulesView),
    nextCursor: rows.length > limit ? encodeKey({ version: page[page.length - 1]!.version }) : null,
  }
}
