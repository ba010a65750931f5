import { useCallback, useState } from 'react'
import { cadreSetSchema, type CadreTitle, type CadreView } from '@/domain/contacts'
import type { MemberView } from '@/domain/members'
import { callApi } from '@/services/api'
import { detailsToErrors, issuesToErrors, type FieldErrors } from '../common/formErrors'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/** Who the server accepts as a cadre (cloud/contacts/access.ts): a verified resident or community staff, not roster-only. */
export function canBeCadre(m: MemberView): boolean {
  return !m.rosterOnly && (m.verified || m.roles.includes('gridWorker') || m.roles.includes('committee'))
}

/** 设定联系人's search: the community's people by name or phone (member.list with `query`); nothing until asked. */
export function useCadreSearch(query: string) {
  const q = query.trim()
  return useRemote<MemberView[]>(q ? `cadre-search:${q}` : null, async () => (await callApi('member.list', { query: q, limit: 20 })).items)
}

export interface CadreForm {
  person: { id: string; name: string } | null
  title: CadreTitle | ''
  publishPhone: boolean
  publicNote: string
}
const CADRE_FIELDS = ['userId', 'title', 'publishPhone', 'publicNote'] as const
type CadreField = (typeof CADRE_FIELDS)[number]
const EMPTY: CadreForm = { person: null, title: '', publishPhone: false, publicNote: '' }

/** 设定联系人: the form, checked with contact.setCadre's own schema, sent with one requestId per attempt. */
export function useSetCadre(onSaved: (c: CadreView) => Promise<void> | void) {
  const [form, setForm] = useState<CadreForm>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors<CadreField>>({})
  const sender = useSubmit((input: unknown, requestId: string) => callApi('contact.setCadre', input as never, { requestId }))
  const { clearError } = sender
  const setField = useCallback(
    <K extends keyof CadreForm>(k: K, v: CadreForm[K]) => {
      setForm((f) => ({ ...f, [k]: v }))
      setErrors((e) => ({ ...e, [k === 'person' ? 'userId' : k]: undefined }))
      clearError()
    },
    [clearError],
  )
  const submit = useCallback(async (): Promise<CadreView | null> => {
    const note = form.publicNote.trim()
    const parsed = cadreSetSchema.safeParse({
      userId: form.person?.id,
      title: form.title || undefined,
      publishPhone: form.publishPhone,
      ...(note ? { publicNote: note } : {}),
    })
    if (!parsed.success) {
      const errs = issuesToErrors(parsed.error.issues, CADRE_FIELDS)
      if (!form.person) errs.userId = '请先搜索并选择联系人'
      if (!form.title) errs.title = '请选择身份'
      setErrors(errs)
      return null
    }
    const sent = await sender.submit(parsed.data)
    if (sent.ok) {
      const saved = sent.data as CadreView
      setForm(EMPTY)
      await onSaved(saved)
      return saved
    }
    if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, CADRE_FIELDS))
    return null
  }, [form, sender, onSaved])
  return { form, setField, errors, submit, submitting: sender.submitting, submitError: sender.error }
}

/** 取消联系人 (contact.removeCadre): their households return to 没有联系人的住户. */
export function useRemoveCadre(onRemoved: () => Promise<void> | void) {
  const sender = useSubmit((input: { userId: string }, requestId: string) => callApi('contact.removeCadre', input, { requestId }))
  const [removing, setRemoving] = useState<string | null>(null)
  const remove = useCallback(
    async (userId: string): Promise<boolean> => {
      setRemoving(userId)
      try {
        const sent = await sender.submit({ userId })
        if (sent.ok) await onRemoved()
        return sent.ok
      } finally {
        setRemoving(null)
      }
    },
    [sender, onRemoved],
  )
  return { remove, removing, error: sender.error, clearError: sender.clearError }
}
