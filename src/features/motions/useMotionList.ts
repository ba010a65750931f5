import { useCallback, useEffect } from 'react'
import type { MotionListPage, MotionStatus, MotionSummary } from '@/domain/motions'
import { callApi } from '@/services/api'
import { usePagedList, type PagedList } from '../common/usePagedList'
import { useRemote, type Remote } from '../common/useRemote'
import { onMotionEvent } from './events'

export const CLOSED_PAGE = 20
/** The server's page cap: open motions are few (a community runs a handful at a time). */
const OPEN_LIMIT = 100

const OPEN_ORDER: MotionStatus[] = ['voting', 'consultation', 'draft']

/** Open motions first: voting, then consultation, then (committee) drafts; in each, the nearest deadline first. */
export function sortOpen(items: MotionSummary[]): MotionSummary[] {
  const deadline = (m: MotionSummary) => (m.status === 'voting' ? m.voteUntil : m.status === 'consultation' ? (m.consultUntil ?? m.voteFrom) : m.voteFrom)
  return [...items].sort((a, b) => OPEN_ORDER.indexOf(a.status) - OPEN_ORDER.indexOf(b.status) || deadline(a).localeCompare(deadline(b)))
}

export interface MotionLists {
  open: Remote<{ items: MotionSummary[]; more: boolean }>
  closed: PagedList<MotionSummary>
  refresh: () => Promise<void>
}

/** The 议事 tab's open motions (each open status, one page of up to 100); the desk counts the same list. */
export async function loadOpenMotions(committee: boolean): Promise<{ items: MotionSummary[]; more: boolean }> {
  const statuses = committee ? OPEN_ORDER : OPEN_ORDER.filter((s) => s !== 'draft')
  const pages: MotionListPage[] = await Promise.all(statuses.map((status) => callApi('motion.list', { status, limit: OPEN_LIMIT })))
  return { items: sortOpen(pages.flatMap((p) => p.items)), more: pages.some((p) => p.nextCursor !== null) }
}

/** The 议事 tab: open motions (each open status, one page of up to 100) and the closed ones paged by cursor. */
export function useMotionLists(committee: boolean): MotionLists {
  const open = useRemote(`motions:open:${committee}`, () => loadOpenMotions(committee))
  const closed = usePagedList<MotionSummary, MotionListPage>('motions:closed', (cursor) =>
    callApi('motion.list', { status: 'closed', limit: CLOSED_PAGE, ...(cursor ? { cursor } : {}) }),
  )
  const { reload } = open
  const { refresh: refreshClosed } = closed
  const refresh = useCallback(async () => {
    await Promise.all([reload({ silent: true }), refreshClosed()])
  }, [reload, refreshClosed])

  // a motion changed elsewhere (a vote cast, a phase advanced, a draft saved): fetch both lists again, quietly
  useEffect(() => onMotionEvent(() => void refresh()), [refresh])
  return { open, closed, refresh }
}
