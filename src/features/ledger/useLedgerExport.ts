import { useCallback, useState } from 'react'
import type { LedgerExport, LedgerExportInput } from '@/domain/ledger'
import { callApi } from '@/services/api'
import { openSignedFile } from '@/services/download'
import { useSubmit } from '../common/useSubmit'

/**
 * 导出台账 (issue 19): asks the server for the workbook (ledger.export), then opens it — weapp: download and open
 * with the share menu; H5: save it. `done` is the last export (its name and rows) once it opened.
 */
export function useLedgerExport() {
  const send = useSubmit((input: LedgerExportInput, requestId: string) => callApi('ledger.export', input, { requestId }))
  const [done, setDone] = useState<LedgerExport | null>(null)
  const [openError, setOpenError] = useState<string | null>(null)
  const run = useCallback(
    async (input: LedgerExportInput): Promise<boolean> => {
      setDone(null)
      setOpenError(null)
      const r = await send.submit(input)
      if (!r.ok) return false
      try {
        await openSignedFile(r.data.url, r.data.fileName)
      } catch (e) {
        setOpenError(e instanceof Error ? e.message : '文件下载失败，请重新导出')
        return false
      }
      setDone(r.data)
      return true
    },
    [send],
  )
  return { run, exporting: send.submitting, error: send.error?.message ?? openError, done }
}
