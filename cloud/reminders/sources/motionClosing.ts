import { chinaClock, chinaDay } from '@/domain/shared/chinaTime'
import { settle } from '../../motions'
import type { DueReminder } from '../ports'
import type { ReminderSource } from '../source'

/** A vote's closing reminder goes out once, when the close is less than this far away. */
export const CLOSING_NOTICE_MS = 24 * 3600_000

/**
 * 表决明天截止: for each motion whose voting closes within CLOSING_NOTICE_MS (and has not closed), once per
 * motion (`motion:<id>:closing`), to the eligible residents who have not voted — for a households motion, the
 * members of households that have not voted. The audience is resolved by the store in the write transaction.
 * The lazy time rule is applied first, so a motion past its voteUntil is closed (result messages), not reminded,
 * and one whose voteFrom has passed opens before it is considered.
 */
export const motionClosing: ReminderSource = {
  name: 'motion closing',
  async due(deps, now) {
    const at = now.toISOString()
    const candidates = await deps.store.motions.closingBy(new Date(now.getTime() + CLOSING_NOTICE_MS).toISOString())
    const out: DueReminder[] = []
    for (const c of candidates) {
      await settle(deps, { motionId: c.id })
      const m = await deps.store.motions.get(c.id)
      if (!m || m.status !== 'voting' || m.voteUntil <= at) continue
      const day = chinaDay(m.voteUntil) === chinaDay(now) ? '今天' : '明天'
      const who = m.eligibility === 'households' ? '您家还没有投票（每户一票）' : '您还没有投票'
      out.push({
        key: `motion:${m.id}:closing`,
        kind: 'motion',
        title: `表决${day}截止`,
        body: `「${m.title}」将于 ${chinaClock(m.voteUntil)}（北京时间）截止投票，${who}，请及时投票。`,
        target: { type: 'motion', id: m.id },
        audience: { kind: 'motionUnvoted', motionId: m.id },
      })
    }
    return out
  },
}
