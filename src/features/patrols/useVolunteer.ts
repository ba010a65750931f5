import { useCallback, useEffect, useState } from 'react'
import type { ShiftView } from '@/domain/patrols'
import type { VolunteerBoard, VolunteerStats } from '@/domain/volunteers'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { onShiftEvent } from './events'

/** How far back 我的志愿 lists past shifts (the totals count everything). */
export const PAST_DAYS = 180
/** How many of each list are shown. */
export const COMING_LIMIT = 50
export const PAST_LIMIT = 30

export interface MyShifts {
  /** soonest first */
  coming: ShiftView[]
  /** most recent first */
  past: ShiftView[]
  /** more than shown: the first COMING_LIMIT / the latest PAST_LIMIT only */
  moreComing: boolean
  morePast: boolean
}

/** Over for me: ended or cancelled, or my part done (checked out, no-show). */
const isDone = (s: ShiftView) =>
  s.phase === 'ended' || s.phase === 'cancelled' || s.myStatus?.status === 'checkedOut' || s.myStatus?.status === 'noShow'

/**
 * The two pages (to come: from now, soonest first; past: before now, most recent first) as the two lists. A
 * shift under way can be in both pages: it is shown once, as past when my part is done.
 */
export function splitMine(coming: readonly ShiftView[], past: readonly ShiftView[]): Pick<MyShifts, 'coming' | 'past'> {
  const byId = new Map<string, ShiftView>()
  for (const s of [...coming, ...past]) if (!byId.has(s.id)) byId.set(s.id, s)
  const all = [...byId.values()]
  const key = (s: ShiftView) => Date.parse(s.startAt)
  return {
    coming: all.filter((s) => !isDone(s)).sort((a, b) => key(a) - key(b)),
    past: all.filter(isDone).sort((a, b) => key(b) - key(a)),
  }
}

/** 我的志愿: my figures (volunteer.stats), my shifts to come and past, and the community's monthly board (volunteer.board). */
export function useVolunteer(enabled = true) {
  const stats = useRemote<VolunteerStats>(enabled ? 'volunteer:stats' : null, () => callApi('volunteer.stats', {}))
  const mine = useRemote<MyShifts>(enabled ? 'volunteer:mine' : null, async () => {
    const now = Date.now()
    const [coming, past] = await Promise.all([
      // from the server's now: not yet ended
      callApi('shift.list', { mine: true, limit: COMING_LIMIT }),
      callApi('shift.list', {
        mine: true,
        from: new Date(now - PAST_DAYS * 24 * 3600_000).toISOString(),
        to: new Date(now).toISOString(),
        order: 'desc',
        limit: PAST_LIMIT,
      }),
    ])
    return { ...splitMine(coming.items, past.items), moreComing: coming.nextCursor !== null, morePast: past.nextCursor !== null }
  })
  const [month, setMonth] = useState<string | null>(null)
  const shownMonth = month ?? stats.data?.month ?? null
  const board = useRemote<VolunteerBoard>(enabled && shownMonth ? `volunteer:board:${shownMonth}` : null, () =>
    callApi('volunteer.board', { month: shownMonth as string }),
  )
  const reloadStats = stats.reload
  const reloadMine = mine.reload
  const reloadBoard = board.reload
  const refresh = useCallback(async () => {
    await Promise.all([reloadStats({ silent: true }), reloadMine({ silent: true }), reloadBoard({ silent: true })])
  }, [reloadStats, reloadMine, reloadBoard])
  useEffect(() => onShiftEvent(() => void refresh()), [refresh])
  return { stats, mine, board, month: shownMonth, currentMonth: stats.data?.month ?? null, setMonth, refresh }
}
