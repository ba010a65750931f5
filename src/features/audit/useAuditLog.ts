import type { AuditActions, AuditEntryView } from '@/domain/audit'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useRemote } from '../common/useRemote'
import { filterInput, type AuditFilterState } from './filters'

/** 操作日志 of the caller's area under a filter, newest first, 20 a page (加载更多 by cursor). */
export function useAuditLog(userId: string, filter: AuditFilterState, now?: Date) {
  const input = filterInput(filter, now)
  return usePagedList<AuditEntryView>(`audit:${userId}:${JSON.stringify(input)}`, (cursor) =>
    callApi('audit.list', { ...input, limit: 20, ...(cursor ? { cursor } : {}) }),
  )
}

/** The actions present in the caller's area, for the filter's choices. */
export function useAuditActions(userId: string) {
  return useRemote<AuditActions>(`audit-actions:${userId}`, () => callApi('audit.actions', {}))
}
