import { useCallback, useState } from 'react'
import { householdImportSchema, type HouseholdImportResult } from '@/domain/residents'
import { callApi } from '@/services/api'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { useSubmit } from '../common/useSubmit'

const DRAFT_KEY = 'household.import'

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
 * or pasted text (kept as a draft), sent as `csv`. The server takes the whole file or none of it — a
 * whole-file problem comes back as the submit error with the server's message; row problems are listed.
 * Importing the same file twice changes nothing, so a retry is harmless; it also carries a requestId.
 */
export function useRosterImport() {
  const [pasted, setPastedState] = useState<string>(() => loadDraft<string>(DRAFT_KEY)?.value ?? '')
  const [file, setFileState] = useState<RosterFile | null>(null)
  const [inputError, setInputError] = useState<string | null>(null)
  const [result, setResult] = useState<HouseholdImportResult | null>(null)
  const { submit: send, submitting, error, clearError } = useSubmit<{ csv: string }, HouseholdImportResult>(
    (input, requestId) => callApi('household.import', input, { requestId }),
  )

  const setPasted = useCallback((text: string) => {
    setPastedState(text)
    setInputError(null)
    if (text && text.length < 200_000) saveDraft(DRAFT_KEY, text)
    else clearDraft(DRAFT_KEY)
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
    if (sent.ok) {
      setResult(sent.data)
      if (!file) clearDraft(DRAFT_KEY)
    }
    return sent.ok
  }, [csv, file, send])

  const clear = useCallback(() => {
    setPasted('')
    setFileState(null)
    setResult(null)
    clearError()
  }, [setPasted, clearError])

  return { pasted, setPasted, file, setFile, csv, submit, submitting, inputError, setInputError, error, result, clear }
}
