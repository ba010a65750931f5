import { useRef, useState } from 'react'
import { departmentCandidatesSchema, type DepartmentCandidateView } from '@/domain/departments'
import { callApi } from '@/services/api'
import { toApiError } from '@/services/apiError'

export type CandidateSearch =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; query: string; items: DepartmentCandidateView[] }
  | { status: 'error'; message: string }

/**
 * The 职能部门 card's person search (department.candidates): a name part or phone digits, the people of the area
 * who may be added. Only the latest search's answer is shown; one added leaves the list (`drop`).
 */
export function useCandidateSearch(departmentId: string) {
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<CandidateSearch>({ status: 'idle' })
  const latest = useRef(0)

  async function search(): Promise<void> {
    const parsed = departmentCandidatesSchema.safeParse({ departmentId, query })
    if (!parsed.success) {
      setResult({ status: 'error', message: parsed.error.issues[0]?.message ?? '请填写姓名或手机号' })
      return
    }
    const mine = ++latest.current
    setResult({ status: 'loading' })
    try {
      const { items } = await callApi('department.candidates', parsed.data)
      if (mine === latest.current) setResult({ status: 'done', query: parsed.data.query, items })
    } catch (e) {
      if (mine === latest.current) setResult({ status: 'error', message: toApiError(e).message })
    }
  }

  const drop = (userId: string) =>
    setResult((r) => (r.status === 'done' ? { ...r, items: r.items.filter((c) => c.id !== userId) } : r))

  return { query, setQuery, result, search, drop }
}
