import { useCallback, useEffect, useState } from 'react'
import { householdImportSchema, type HouseholdImportResult } from '@/domain/residents'
import { callApi } from '@/services/api'
import { clearDraft } from '@/services/drafts'
import { useSubmit } from '../common/useSubmit'

/** where an earlier version kept pasted roster text: cleared on open, never written again */
export const ROSTER_DRAFT_KEY = 'household.import'

export interface RosterFile {
  name: string
  text: string
}

/** Lines with something on them (the header included). */
export function countLines(text: string): number {
  return text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length
}

/**
 * 花名册导入: a picked file (kept in memory, not in the textarea: a big file would not fit a weapp setData)
 * or pasted text, sent as `csv`. The roster is the names and phones of the whole community: it stays in
 * memory only, never in local storage (a draft left there by an earlier version is removed on open).
 * The server takes the whole file or none of it — a whole-file problem comes back as the submit error
 * with the server's message; row problems are listed.
 * Importing the same file twice changes nothing, so a retry is harmless; it also carries a requestId.
 */
export function useRosterImport() {
  const [pasted, setPastedState] = useState('')
  const [file, setFileState] = useState<RosterFile | null>(null)
  const [inputError, setInputError] = useState<string | null>(null)
  const [result, setResult] = useState<HouseholdImportResult | null>(null)
  const { submit: send, submitting, error, clearError } = useSubmit<{ csv: string }, HouseholdImportResult>(
    (input, requestId) => callApi('household.import', input, { requestId }),
  )

  useEffect(() => clearDraft(ROSTER_DRAFT_KEY), [])

  const setPasted = useCallback((text: string) => {
    setPastedState(text)
    setInputError(null)
  }, [])

  const setFile = useCallback((next: RosterFile | null) => {
    setFileState(next)
    setInputError(null)
    setResult(null)
  }, [])

  /** what will be sent: the file when one is picked, else the pasted text */
  const csv = file ? file.text : pasted

  const submit = useCallback(async () => {
    const parsed = householdImportSchema.safeParse({ csv: csv.trim() ? csv : '' })
    if (!parsed.success) {
      setInputError(parsed.error.issues[0]?.message ?? '请粘贴或选择花名册文件')
      return false
    }
    setInputError(null)
    setResult(null)
    const sent = await send({ csv })
    if (sent.ok) setResult(sent.data)
    return sent.ok
  }, [csv, send])

  const clear = useCallback(() => {
    setPasted('')
    setFileState(null)
    setResult(null)
    clearError()
  }, [setPasted, clearError])

  return { pasted, setPasted, file, setFile, csv, submit, submitting, inputError, setInputError, error, result, clear }
}
