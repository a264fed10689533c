import { sql, type Kysely } from 'kysely'
import { categoryLabel } from '../../../shared/categories'
import { itemNumber } from '../../../shared/item-number'
import type { Lang } from '../../../shared/lang'
import { OUTCOME_LABELS, type Outcome } from '../../../shared/outcomes'
import { RATING_LABELS, type Rating } from '../../../shared/ratings'
import { REPLY_CHANNEL_LABELS, type ReplyChannel } from '../../../shared/reply-channels'
import type { ItemQuery } from '../../../shared/schemas/item-query'
import { STATUS_LABELS } from '../../../shared/status-labels'
import type { Status } from '../../../shared/statuses'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { listCategories } from '../categories'
import { filteredItems } from './list'
import { photosOf } from '../../photos/store'

/** One value of a ledger cell: text, a yes/no, an instant (shown in China time), or nothing. */
export type Cell = string | number | boolean | Date | null

/** A ledger column: its header in each language, and whether it holds a day or an instant. */
export interface Column {
  zh: string
  en: string
  /** Width in characters, for the spreadsheet. */
  width: number
  kind?: 'time' | 'day'
}

/**
 * The 台账: one row per dispatch (an item sent to two units is two rows, its own columns
 * repeated; an item never dispatched is one row with the dispatch columns empty). Never the
 * submitter's identity: the ledger travels further than the app.
 */
export const LEDGER_COLUMNS: Column[] = [
  { zh: '编号', en: 'Number', width: 14 },
  { zh: '收到时间', en: 'Received', width: 17, kind: 'time' },
  { zh: '二维码地点', en: 'QR location', width: 20 },
  { zh: '所属单位', en: 'Unit', width: 16 },
  { zh: '类别', en: 'Category', width: 12 },
  { zh: '摘要', en: 'Summary', width: 24 },
  { zh: '内容', en: 'Content', width: 50 },
  { zh: '状态', en: 'Status', width: 8 },
  { zh: '合理化建议', en: 'Proposal', width: 10 },
  { zh: '交办单位', en: 'Dispatched to', width: 16 },
  { zh: '主管领导', en: 'Leader in charge', width: 12 },
  { zh: '责任人', en: 'Responsible', width: 12 },
  { zh: '完成时限', en: 'Deadline', width: 12, kind: 'day' },
  { zh: '反馈时间', en: 'Reported', width: 17, kind: 'time' },
  { zh: '办理结果', en: 'Outcome', width: 10 },
  { zh: '反馈内容', en: 'Report', width: 40 },
  { zh: '答复方式', en: 'Reply channel', width: 10 },
  { zh: '答复时间', en: 'Replied', width: 17, kind: 'time' },
  { zh: '答复内容', en: 'Reply', width: 40 },
  { zh: '办结时间', en: 'Closed', width: 17, kind: 'time' },
  { zh: '评价', en: 'Rating', width: 10 },
  { zh: '评价留言', en: 'Rating comment', width: 30 },
  // How many photos the item has (the worker's and the reports'); the files never embed them.
  { zh: '照片', en: 'Photos', width: 6 },
]

/** Items are read this many at a time, by keyset, so that no export holds them all. */
const BATCH = 500

/**
 * The ledger's rows for the items this reviewer sees that match the inbox's filters, newest
 * first, read in batches as they are asked for: memory stays flat however many rows there are.
 * The filters are checked before the first row (a unit out of scope is refused, not a cut file).
 */
export async function ledgerRows(db: Kysely<Database>, user: SessionUser, query: ItemQuery, lang: Lang, now = new Date()): Promise<AsyncGenerator<Cell[]>> {
  const base = (await filteredItems(db, user, { ...query, cursor: undefined }, now)).select('s.content')
  const categories = await listCategories(db)
  const page = (after: { at: Date; id: string } | null) =>
    (after ? base.where(sql<boolean>`(s.received_at, s.id) < (${after.at}, ${after.id})`) : base).limit(BATCH).execute()
  return batches(db, page, categories, lang)
}

/** What a row of the ledger needs of its item. */
interface LedgerItem {
  id: string
  serial_year: number
  serial_seq: number
  received_at: Date
  entry_name: string
  unit_name: string
  category: string
  summary: string | null
  content: string
  status: Status
  is_proposal: boolean
  rating: Rating | null
}

type Page = (after: { at: Date; id: string } | null) => Promise<LedgerItem[]>

async function* batches(db: Kysely<Database>, page: Page, categories: Awaited<ReturnType<typeof listCategories>>, lang: Lang): AsyncGenerator<Cell[]> {
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh)
  let after: { at: Date; id: string } | null = null
  for (;;) {
    const items = await page(after)
    if (!items.length) return
    const ids = items.map((i) => i.id)
    const [dispatches, events, photos] = await Promise.all([
      db
        .selectFrom('assignments as a')
        .innerJoin('org_units as au', 'au.id', 'a.unit_id')
        .innerJoin('users as l', 'l.id', 'a.leader_id')
        .innerJoin('users as r', 'r.id', 'a.responsible_id')
        .select(['a.suggestion_id', 'au.name as unit', 'l.display_name as leader', 'r.display_name as responsible', 'a.deadline', 'a.reported_at', 'a.outcome', 'a.report_text'])
        .where('a.suggestion_id', 'in', ids)
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute(),
      // The latest reply, close and rating of each item.
      db
        .selectFrom('suggestion_events as ev')
        .select(['ev.suggestion_id', 'ev.kind', 'ev.public_text', 'ev.data', 'ev.created_at'])
        .where('ev.suggestion_id', 'in', ids)
        .where('ev.kind', 'in', ['reply', 'close', 'rate'])
        .orderBy('ev.id')
        .execute(),
      photosOf(db, ids),
    ])
    const byItem = new Map<string, typeof dispatches>()
    for (const d of dispatches) byItem.set(d.suggestion_id, [...(byItem.get(d.suggestion_id) ?? []), d])
    const latest = new Map<string, (typeof events)[number]>()
    for (const e of events) latest.set(`${e.suggestion_id}|${e.kind}`, e)
    for (const item of items) {
      const reply = latest.get(`${item.id}|reply`)
      const close = latest.get(`${item.id}|close`)
      const rate = latest.get(`${item.id}|rate`)
      const channel = (reply?.data as { channel?: ReplyChannel } | null)?.channel
      const own: Cell[] = [
        itemNumber(item.serial_year, item.serial_seq),
        item.received_at,
        item.entry_name,
        item.unit_name,
        categoryLabel(item.category, lang, categories),
        item.summary,
        item.content,
        label(STATUS_LABELS[item.status]),
        item.is_proposal,
      ]
      const tail: Cell[] = [
        channel ? label(REPLY_CHANNEL_LABELS[channel]) : null,
        reply?.created_at ?? null,
        reply?.public_text ?? null,
        close?.created_at ?? null,
        item.rating ? label(RATING_LABELS[item.rating]) : null,
        item.rating ? (rate?.public_text ?? null) : null,
        photos.get(item.id)?.length ?? 0,
      ]
      const mine = byItem.get(item.id) ?? []
      if (!mine.length) yield [...own, null, null, null, null, null, null, null, ...tail]
      for (const d of mine) {
        yield [...own, d.unit, d.leader, d.responsible, d.deadline, d.reported_at, d.outcome ? label(OUTCOME_LABELS[d.outcome as Outcome]) : null, d.report_text, ...tail]
      }
    }
    const last = items[items.length - 1]!
    after = { at: last.received_at, id: last.id }
  }
}
