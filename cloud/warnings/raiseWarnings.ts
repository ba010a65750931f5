import { DEFAULT_PARAMS, WARNING_SIGNAL_LABELS } from '@/domain/warnings'
import { evaluate, factsSince } from '@/domain/warnings/evaluate'
import { sendOutbound } from '../shared/outbound'
import type { Deps } from './ports'
import { summaryOf } from './view'

export interface SweepSummary {
  raised: { id: string; communityId: string; signal: string; recipients: number }[]
}

/**
 * The warnings sweep: for each community, its parameters (or the defaults), the report facts the rules need,
 * the candidates the rules find (src/domain/warnings/evaluate), and each raised through the store's one atomic
 * method — inserted once per key however many sweeps overlap, with a message to its owners in the same
 * transaction — then through the other channels after the commit. A failing community is logged; the rest go on.
 */
export async function raiseWarnings(deps: Deps): Promise<SweepSummary> {
  const now = deps.clock.now().toISOString()
  const raised: SweepSummary['raised'] = []
  for (const communityId of await deps.store.warnings.communityIds()) {
    try {
      const params = (await deps.store.warnings.params(communityId)) ?? DEFAULT_PARAMS
      const facts = await deps.store.warnings.facts(communityId, factsSince(now, params))
      if (facts.length === 0) continue
      const grids = new Map((await deps.store.communities.grids(communityId)).map((g) => [g.id, g.name]))
      for (const c of evaluate(facts, now, params)) {
        const gridName = c.gridId ? (grids.get(c.gridId) ?? null) : null
        const body = summaryOf({ ...c, gridName, category: c.category || null, period: c.period || null })
        const id = deps.ids.newId()
        const out = await deps.store.warnings.raise({ ...c, id, communityId, raisedAt: now }, { title: `预警：${WARNING_SIGNAL_LABELS[c.signal]}`, body }, () => deps.ids.newId())
        if (out.kind !== 'raised') continue
        raised.push({ id, communityId, signal: c.signal, recipients: out.messages.length })
        await sendOutbound(deps, out.messages)
      }
    } catch (err) {
      deps.log.error({ err, communityId }, 'warning sweep failed for a community')
    }
  }
  return { raised }
}
