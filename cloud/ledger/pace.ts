import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Sheet } from './book'

/**
 * Backpressure for the workbook writer, called after each page of rows. exceljs's WorksheetWriter hands its XML to
 * the zip (archiver) in 64 KB pieces without waiting for the zip to take them, and a store whose reads never wait
 * on I/O (better-sqlite3) would let the whole export pile up in memory before a byte is compressed or written.
 * So before the next page is read: a turn of the event loop, then the page's XML fully taken by the compressor
 * (the entry's input stream drained), then the file's own stream drained. Memory holds about one page.
 */
export type Pace = (sheet: Sheet) => Promise<void>

/** The stream archiver reads a sheet's entry from (exceljs's StreamBuf pipes its rows into it); null before any row. */
function entryInput(sheet: Sheet): Writable | null {
  // `_stream`, not `stream`: the getter would open the sheet's zip entry (entries go out in the order opened)
  const buf = (sheet as unknown as { _stream?: { pipes?: Writable[] } })._stream
  return buf?.pipes?.[0] ?? null
}

/** Writable's writableNeedDrain, also on archiver's readable-stream 2 streams (which have only the state object). */
const needsDrain = (s: Partial<Writable>): boolean =>
  s.writableNeedDrain ?? (s as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false

export function pacer(sink: NodeJS.WritableStream): Pace {
  const out = sink as Partial<Writable> & NodeJS.WritableStream
  return async (sheet) => {
    await new Promise<void>((resolve) => setImmediate(resolve))
    const input = entryInput(sheet)
    if (input && needsDrain(input)) await once(input, 'drain')
    if (needsDrain(out)) await once(out, 'drain')
  }
}
