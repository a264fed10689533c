import type { Kysely } from 'kysely'
import type { ItemQuery } from '../../../shared/schemas/item-query'
import { categoryLabel } from '../../../shared/categories'
import type { Lang } from '../../../shared/lang'
import { RATING_LABELS } from '../../../shared/ratings'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { chinaDateTime } from '../../../shared/time'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { listCategories } from '../categories'
import { filteredItems, toSummary } from './list'

/** At most this many rows per export; the inbox's filters narrow it further. */
export const EXPORT_MAX = 5000

const HEADERS = {
  'zh-CN': ['编号', '收到时间', '状态', '类别', '摘要', '内容', '二维码地点', '所属单位', '合理化建议', '超期', '完成时限', '评价'],
  en: ['Number', 'Received', 'Status', 'Category', 'Summary', 'Content', 'QR location', 'Unit', 'Proposal', 'Overdue', 'Deadline', 'Rating'],
}

/**
 * The inbox as CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF rows, every field
 * quoted. Never the submitter's identity: exports travel further than the app.
 */
export async function exportCsv(db: Kysely<Database>, user: SessionUser, query: ItemQuery, lang: Lang, now = new Date()): Promise<string> {
  const rows = await (await filteredItems(db, user, { ...query, cursor: undefined }, now)).select('s.content').limit(EXPORT_MAX).execute()
  const categories = await listCategories(db)
  const yes = lang === 'en' ? 'yes' : '是'
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh)
  const lines = [HEADERS[lang]]
  for (const row of rows) {
    const i = toSummary(row, now)
    lines.push([
      i.number,
      chinaDateTime(i.receivedAt),
      label(STATUS_LABELS[i.status]),
      categoryLabel(i.category, lang, categories),
      i.summary ?? '',
      row.content,
      i.entryPoint.name,
      i.unit.name,
      i.isProposal ? yes : '',
      i.overdue ? yes : '',
      i.nextDeadline ? chinaDateTime(i.nextDeadline).slice(0, 10) : '',
      i.rating ? label(RATING_LABELS[i.rating]) : '',
    ])
  }
  return '\ufeff' + lines.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

// A leading = + - @ would make a spreadsheet run the cell as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}
