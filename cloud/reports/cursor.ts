import { z } from 'zod'
import type { ReportCursor } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'

const seqKey = z.strictObject({ s: z.number().int().min(0) })
const dueKey = z.strictObject({ d: z.iso.datetime(), s: z.number().int().min(0) })

export function encodeReportCursor(c: ReportCursor): string {
  return encodeKey('dueAt' in c ? { d: c.dueAt, s: c.seq } : { s: c.seq })
}

export function decodeSeqCursor(s: string): ReportCursor {
  return { seq: decodeKey(seqKey, s).s }
}

export function decodeDueCursor(s: string): ReportCursor {
  const k = decodeKey(dueKey, s)
  return { dueAt: k.d, seq: k.s }
}
