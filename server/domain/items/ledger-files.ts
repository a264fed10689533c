import ExcelJS from 'exceljs'
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import type { Lang } from '../../../shared/lang'
import { chinaDateTime } from '../../../shared/time'
import { LEDGER_COLUMNS, type Cell } from './ledger'

const header = (lang: Lang) => LEDGER_COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh))

/** A day or an instant as China's wall clock, `YYYY-MM-DD HH:mm` or `YYYY-MM-DD`. */
const wallClock = (at: Date, kind: 'time' | 'day' | undefined) => (kind === 'day' ? chinaDateTime(at).slice(0, 10) : chinaDateTime(at))

/**
 * The ledger as CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF rows, every field
 * quoted, written as the rows are read (pulled: a slow reader slows the reading).
 */
export function ledgerCsv(rows: AsyncIterator<Cell[]>, lang: Lang): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const yes = lang === 'en' ? 'yes' : '是'
  const line = (cells: string[]) => encoder.encode(cells.map(csvField).join(',') + '\r\n')
  let started = false
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode('\ufeff'))
        controller.enqueue(line(header(lang)))
        return
      }
      const next = await rows.next()
      if (next.done) return controller.close()
      controller.enqueue(line(next.value.map((cell, i) => (cell instanceof Date ? wallClock(cell, LEDGER_COLUMNS[i]!.kind) : cell === true ? yes : cell === false || cell === null ? '' : String(cell)))))
    },
    async cancel() {
      await rows.return?.(undefined)
    },
  })
}

// A leading = + - @ would make a spreadsheet run the cell as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/**
 * A spreadsheet has no time zones: an instant is written as China's wall clock (a Date whose
 * UTC fields read as the China time), a day as that day's midnight.
 */
function asSheetDate(at: Date, kind: 'time' | 'day' | undefined): Date {
  const text = wallClock(at, kind)
  return new Date(kind === 'day' ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}:00Z`)
}

/**
 * The ledger as XLSX through exceljs's streaming writer: each row is committed as it is read,
 * so the file is never whole in memory. Chinese headers, real dates, set widths, a frozen header
 * row and filters on it.
 */
export function ledgerXlsx(rows: AsyncIterator<Cell[]>, lang: Lang): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = book.addWorksheet(lang === 'en' ? 'Ledger' : '台账', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = LEDGER_COLUMNS.map((c, i) => ({
    header: header(lang)[i],
    key: String(i),
    width: c.width,
    style: c.kind ? { numFmt: c.kind === 'day' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' } : {},
  }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } }
  sheet.getRow(1).font = { bold: true }
  const yes = lang === 'en' ? 'yes' : '是'
  const write = async () => {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      sheet.addRow(next.value.map((cell, i) => (cell instanceof Date ? asSheetDate(cell, LEDGER_COLUMNS[i]!.kind) : cell === true ? yes : cell === false ? '' : cell))).commit()
      // The reader sets the pace: wait while what is written has not been taken.
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')])
      // A reader that went away (the download was cancelled) stops the reading.
      if (out.destroyed) {
        await rows.return?.(undefined)
        return
      }
    }
    sheet.commit()
    await book.commit()
  }
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}
