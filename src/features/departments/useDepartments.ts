import { useState } from 'react'
import { departmentCreateSchema, type DepartmentView } from '@/domain/departments'
import type { ReportCategory } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/**
 * 职能部门管理 (street, district, city): the departments of the area with their statistics (department.list), a new
 * one (department.create, one requestId per attempt), members added (found through department.candidates) or removed.
 */
export function useDepartments() {
  const remote = useRemote<{ items: DepartmentView[] }>('departments', () => callApi('department.list', {}))
  const [problem, setProblem] = useState<string | null>(null)
  const create = useSubmit((input: { name: string; categories: ReportCategory[] }, requestId: string) =>
    callApi('department.create', input, { requestId }),
  )
  const member = useSubmit((input: { departmentId: string; userId: string; remove: boolean }) =>
    input.remove
      ? callApi('department.removeMember', { departmentId: input.departmentId, userId: input.userId })
      : callApi('department.addMember', { departmentId: input.departmentId, userId: input.userId }),
  )

  const replace = (d: DepartmentView) =>
    remote.setData((prev) => {
      const items = prev?.items ?? []
      return { items: items.some((x) => x.id === d.id) ? items.map((x) => (x.id === d.id ? d : x)) : [...items, d] }
    })

  async function createDepartment(name: string, categories: ReportCategory[]): Promise<boolean> {
    const parsed = departmentCreateSchema.safeParse({ name: name.trim(), categories })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请检查填写的内容')
      return false
    }
    setProblem(null)
    const sent = await create.submit({ name: parsed.data.name, categories: parsed.data.categories })
    if (sent.ok) replace(sent.data)
    return sent.ok
  }

  async function changeMember(departmentId: string, userId: string, remove = false): Promise<boolean> {
    setProblem(null)
    const sent = await member.submit({ departmentId, userId, remove })
    if (sent.ok) replace(sent.data)
    return sent.ok
  }

  return {
    remote,
    createDepartment,
    changeMember,
    creating: create.submitting,
    changing: member.submitting,
    problem: problem ?? create.error?.message ?? member.error?.message ?? null,
  }
}
