import { useCallback, useRef, useState } from 'react'
import type { ApplicationStatus } from '@/domain/residents'
import { residentReviewSchema } from '@/domain/residents'
import type { Page } from '@/domain/shared/text'
import { callApi } from '@/services/api'
import type { ApiError } from '@/services/apiError'
import { usePagedList } from '../common/usePagedList'
import { useSubmit } from '../common/useSubmit'

export type ReviewKind = 'resident' | 'volunteer'

export const ALREADY_HANDLED = '该申请已被处理'

interface Reviewable {
  id: string
  status: ApplicationStatus
}

export interface ReviewOutcome {
  ok: boolean
  /** a message for the person: the field problem or the server's message */
  message?: string
  /** the application can no longer be decided this way (CONFLICT): the list was loaded again */
  conflict?: boolean
  /** the input itself was refused (no reason given): the dialog stays open */
  invalid?: boolean
}

function listOf<T>(kind: ReviewKind, status: ApplicationStatus, cursor: string | undefined, limit = 20): Promise<Page<T>> {
  const input: { status: ApplicationStatus; limit: number; cursor?: string } = { status, limit }
  if (cursor) input.cursor = cursor
  return (kind === 'resident' ? callApi('resident.applications', input) : callApi('volunteer.applications', input)) as Promise<
    Page<T>
  >
}

/**
 * The committee's review list (住户认证 or 志愿者) by status, and 通过 / 不通过 with a reason.
 * A reviewed application leaves the list of its old status. On CONFLICT (someone else was faster, the
 * room is not on the roster, the seat of 户主 is taken…) the person reads the server's message and the
 * list is loaded again.
 */
export function useReviewList<T extends Reviewable>(kind: ReviewKind, status: ApplicationStatus) {
  const list = usePagedList<T>(`${kind}:${status}`, (cursor) => listOf<T>(kind, status, cursor))
  const [busyId, setBusyId] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const busy = useRef(false)
  const { submit } = useSubmit<{ applicationId: string; approve: boolean; reason?: string }, T>((input, requestId) =>
    (kind === 'resident'
      ? callApi('resident.review', input, { requestId })
      : callApi('volunteer.review', input, { requestId })) as Promise<unknown> as Promise<T>,
  )
  const { refresh, remove } = list

  const review = useCallback(
    async (applicationId: string, approve: boolean, reason?: string, who = ''): Promise<ReviewOutcome> => {
      const trimmed = reason?.trim() || undefined
      const parsed = residentReviewSchema.safeParse({ applicationId, approve, reason: trimmed })
      if (!parsed.success) return { ok: false, invalid: true, message: parsed.error.issues[0]?.message ?? '不通过时请写明理由' }
      if (busy.current) return { ok: false }
      busy.current = true
      setBusyId(applicationId)
      setNotice(null)
      try {
        const sent = await submit({ applicationId, approve, ...(trimmed ? { reason: trimmed } : {}) })
        if (sent.ok) {
          remove(applicationId)
          setNotice({ tone: 'ok', text: approve ? `已通过 ${who} 的申请`.replace('  ', ' ') : `已标为不通过 ${who}，申请人会看到理由`.replace(' ，', '，') })
          return { ok: true }
        }
        const err = sent.error as ApiError
        if (err.code === 'CONFLICT') {
          // the server says why (已被处理, 花名册里没有这户, 这户已有认证的户主…): show its words, not one fixed sentence
          const message = err.message || ALREADY_HANDLED
          setNotice({ tone: 'error', text: `${message}，列表已刷新` })
          void refresh()
          return { ok: false, message, conflict: true }
        }
        setNotice({ tone: 'error', text: `没有提交成功：${err.message}` })
        return { ok: false, message: err.message, invalid: err.code === 'INVALID_INPUT' }
      } finally {
        busy.current = false
        setBusyId(null)
      }
    },
    [submit, remove, refresh],
  )

  return { list, review, busyId, notice, clearNotice: () => setNotice(null) }
}

/** Pending counts for the desk (up to 100; more shows as 100+). */
export async function pendingCount(kind: ReviewKind): Promise<{ count: number; more: boolean }> {
  const page = await listOf<Reviewable>(kind, 'pending', undefined, 100)
  return { count: page.items.length, more: page.nextCursor !== null }
}
