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
