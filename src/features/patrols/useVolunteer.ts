import { useCallback, useEffect, useState } from 'react'
import type { ShiftView, VolunteerBoard, VolunteerStats } from '@/domain/shift'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { onShiftEvent } from './events'

/** How far back 我的志愿 lists past shifts (the totals count everything). */
export const PAST_DAYS = 180
const MINE_LIMIT = 100

export interface MyShifts {
  coming: ShiftView[]
  /** newest first */
  past: ShiftView[]
  /** more than one page: only the first 100 are shown */
  more: boolean
}

/** My shifts of the last PAST_DAYS days and to come, split by whether they are over for me (ended, or checked out). */
export function splitMine(items: readonly ShiftView[]): Omit<MyShifts, 'more'> {
  const done = (s: ShiftView) =>
    s.phase === 'ended' || s.phase === 'cancelled' || s.myStatus?.status === 'checkedOut' || s.myStatus?.status === 'noShow'
  const coming = items.filter((s) => !done(s))
  const past = items.filter(done).reverse()
  return { coming, past }
}

/** 我的志愿: my figures (volunteer.stats), my shifts, and the community's monthly board (volunteer.board). */
export function useVolunteer(enabled = true) {
  const stats = useRemote<VolunteerStats>(enabled ? 'volunteer:stats' : null, () => callApi('volunteer.stats', {}))
  const mine = useRemote<MyShifts>(enabled ? 'volunteer:mine' : null, async () => {
    const from = new Date(Date.now() - PAST_DAYS * 24 * 3600_000).toISOString()
    const page = await callApi('shift.list', { mine: true, from, limit: MINE_LIMIT })
    return { ...splitMine(page.items), more: page.nextCursor !== null }
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
