import { useCallback, useRef, useState } from 'react'
import {
  REPORT_LEVEL_OFFICES,
  REPORT_LEVELS,
  reportTransitionSchema,
  type ReportAction,
  type ReportLevel,
  type ReportView,
} from '@/domain/reports'
import { ACTION_LABELS, STAFF_ACTIONS, type StaffAction } from '@/domain/reports/flow'
import type { MemberView } from '@/domain/members'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { newRequestId } from '@/services/requestId'
import { detailsToErrors, issuesToErrors, type FieldErrors } from '../common/formErrors'
import { useRemote } from '../common/useRemote'
import { emitReportEvent } from './events'

/** The transitions staff take on a report (the reporter's own — reopen, withdraw — live on the resident side). */
export { STAFF_ACTIONS, type StaffAction }

export function staffActionsOf(report: Pick<ReportView, 'can'>): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => report.can.includes(a))
}

/** Where an escalation goes from the report's level (上报社区 … 上报市综治中心); null at the city. */
export function escalateTarget(level: ReportLevel): ReportLevel | null {
  return REPORT_LEVELS[REPORT_LEVELS.indexOf(level) + 1] ?? null
}

export function staffActionLabel(action: StaffAction, level: ReportLevel): string {
  if (action === 'escalate') {
    const to = escalateTarget(level)
    return to ? `上报${REPORT_LEVEL_OFFICES[to]}` : '上报'
  }
  return ACTION_LABELS[action]
}

export type TransitionField = 'note' | 'photoIds' | 'toUserId'
const FIELDS: readonly TransitionField[] = ['note', 'photoIds', 'toUserId']

export interface TransitionDraft {
  note: string
  photoIds: string[]
  toUserId: string
}

/**
 * One staff transition at a time: checked with the server's schema first (the note each action needs),
 * then `report.transition` with a requestId kept while the same input is retried.
 */
export function useStaffActions(report: ReportView, onChanged: (r: ReportView) => void) {
  const [sending, setSending] = useState<StaffAction | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const attempt = useRef<{ key: string; requestId: string } | null>(null)
  const busy = useRef(false)
  const onChangedRef = useRef(onChanged)
  onChangedRef.current = onChanged

  const run = useCallback(
    async (
      action: StaffAction,
      draft: TransitionDraft,
    ): Promise<{ ok: boolean; errors: FieldErrors<TransitionField> }> => {
      if (busy.current) return { ok: false, errors: {} }
      const raw: Record<string, unknown> = { id: report.id, action }
      const note = draft.note.trim()
      if (note) raw.note = note
      if (draft.photoIds.length) raw.photoIds = draft.photoIds
      if (action === 'reassign' && draft.toUserId) raw.toUserId = draft.toUserId
      const parsed = reportTransitionSchema.safeParse(raw)
      setError(null)
      if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues, FIELDS) }

      const key = JSON.stringify(parsed.data)
      if (!attempt.current || attempt.current.key !== key)
        attempt.current = { key, requestId: newRequestId() }
      busy.current = true
      setSending(action)
      try {
        const updated = await callApi('report.transition', parsed.data, {
          requestId: attempt.current.requestId,
        })
        attempt.current = null
        emitReportEvent({ type: 'changed', report: updated })
        onChangedRef.current(updated)
        return { ok: true, errors: {} }
      } catch (e) {
        const err = toApiError(e)
        setError(err)
        return { ok: false, errors: err.code === 'INVALID_INPUT' ? detailsToErrors(err.details, FIELDS) : {} }
      } finally {
        busy.current = false
        setSending(null)
      }
    },
    [report.id],
  )

  const clearError = useCallback(() => setError(null), [])
  return { actions: staffActionsOf(report), run, sending, error, clearError }
}

/** 改派: the community's 网格员, those covering the report's grid first. Loads only when `enabled`. */
export function useGridWorkers(gridId: string, enabled: boolean) {
  const remote = useRemote<MemberView[]>(enabled ? `grid-workers:${gridId}` : null, async () => {
    const out: MemberView[] = []
    let cursor: string | undefined
    // a community has a handful of 网格员; stop after a few pages all the same
    for (let i = 0; i < 5; i++) {
      const page = await callApi('member.list', {
        role: 'gridWorker',
        limit: 50,
        ...(cursor ? { cursor } : {}),
      })
      out.push(...page.items)
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    const covers = (m: MemberView) => m.grids.some((g) => g.id === gridId)
    return [...out.filter(covers), ...out.filter((m) => !covers(m))]
  })
  return { ...remote, workers: remote.data ?? [] }
}

/** Quick reasons a handler taps instead of typing (the text stays editable). */
export const QUICK_NOTES: Partial<Record<StaffAction, string[]>> = {
  reject: ['重复问题 #', '不属于受理范围', '已由其他部门处理'],
  return: ['请补充现场照片', '请补充具体位置', '请补充问题详情'],
  escalate: ['超出网格处置权限', '需要多部门协调处理', '调解未化解，需上级处理'],
  supervise: ['已逾期，请尽快办理并反馈进展'],
  resolve: ['已现场处置完毕', '已协调相关部门处理完毕'],
}

export type { ReportAction }
