import type ExcelJS from 'exceljs'
import type { Column } from './sheets'

export type Book = ExcelJS.stream.xlsx.WorkbookWriter
export type Sheet = ReturnType<Book['addWorksheet']>

/** A sheet with its columns' widths and the header row frozen. */
export function sheetOf(book: Book, name: string, columns: Column[]): Sheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ width: c.width }))
  return sheet
}

/** The header row, in bold, committed. */
export function header(sheet: Sheet, columns: Column[]): void {
  const row = sheet.addRow(columns.map((c) => c.header))
  row.font = { bold: true }
  row.commit()
}

/**
 * Keeps the first tab for a sheet written last (the 汇总, counted from the rows of the others). exceljs's
 * WorksheetWriter opens its zip entry when it is created and the zip takes entries one after another, so a sheet
 * created first but written last would hold every other sheet's rows in memory until the end. Instead sheet id 1
 * (the first tab: the workbook lists sheets by id) is held by a placeholder while the others are created, written
 * and committed in turn; `first` creates the held sheet in that slot. Call on a new workbook, before any sheet.
 */
export function holdFirstTab(book: Book): { first(name: string, columns: Column[]): Sheet } {
  const slots = (book as unknown as { _worksheets?: unknown[] })._worksheets
  if (!Array.isArray(slots) || slots.length > 0) throw new Error('holdFirstTab: a new exceljs WorkbookWriter expected')
  // exceljs's nextId is the first empty slot from 1: held, the next sheets get 2, 3, …
  slots[1] = { committed: true }
  return {
    first(name, columns) {
      slots[1] = undefined
      const sheet = sheetOf(book, name, columns)
      if (sheet.id !== 1) throw new Error('holdFirstTab: the held sheet did not get the first tab')
      return sheet
    },
  }
}
