import { useState } from 'react'
import type { DepartmentView } from '@/domain/departments'
import { reportDispatchSchema } from '@/domain/departments'
import type { ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emitReportEvent } from './events'

/** The working days the 交办 sheet offers (the schema allows 1–30). */
export const DISPATCH_DAY_CHOICES = ['1', '2', '3', '5', '10', '15'] as const

/**
 * 交办: the departments of the area that take the report's category (department.list), a deadline in working days,
 * an optional note; report.dispatch with one requestId per attempt. On success the report is replaced everywhere.
 */
export function useDispatch(report: ReportView, onChanged: (r: ReportView) => void, enabled: boolean) {
  const departments = useRemote<{ items: DepartmentView[] }>(enabled ? `departments:${report.category}` : null, () =>
    callApi('department.list', { category: report.category }),
  )
  const [departmentId, setDepartmentId] = useState('')
  const [days, setDays] = useState<string>('5')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const send = useSubmit((input: { id: string; departmentId: string; days: number; note?: string }, requestId: string) =>
    callApi('report.dispatch', input, { requestId }),
  )

  async function submit(): Promise<boolean> {
    const parsed = reportDispatchSchema.safeParse({ id: report.id, departmentId, days: Number(days), ...(note.trim() ? { note: note.trim() } : {}) })
    if (!departmentId) {
      setProblem('请选择交办的职能部门')
      return false
    }
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请检查填写的内容')
      return false
    }
    setProblem(null)
    const sent = await send.submit(parsed.data)
    if (!sent.ok) return false
    onChanged(sent.data)
    emitReportEvent({ type: 'changed', report: sent.data })
    return true
  }

  return {
    departments,
    departmentId,
    setDepartmentId,
    days,
    setDays,
    note,
    setNote,
    problem: problem ?? send.error?.message ?? null,
    submitting: send.submitting,
    submit,
  }
}
