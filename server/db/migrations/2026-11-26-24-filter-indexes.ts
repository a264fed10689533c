import { sql, type Kysely } from 'kysely'

// An index for every selective filter of the inbox, so that a page can always be read through bitmaps
// of the filters' items (server/domain/items/list.ts) instead of walking every item:
// - a unit's items in one status, by time: the inbox's most common view (a station's waiting
//   items); at 1,000,000 items a station's accepted 合理化建议 took 27 ms (a bitmap of all
//   142,000 accepted items ANDed with the station's), 5.5 ms with it;
// - a QR point's items, the rated items and the 合理化建议, by time: filters that had no index,
//   so a page that combined them read the whole table (0.7 s).
// Not the category: an eighth of all items each, its bitmap cost more than it saved (the
// planner ANDed 124,000 rows of one with 4,600 submitted ones: 12 ms instead of 2).
export async function up(db: Kysely<any>): Promise<void> {
  // One status by time, in place of the status alone: waiting items older than a month were
  // walked out of the newest 15,000 (13–20 ms); now the index walks them in order.
  await db.schema.createIndex('suggestions_status_received').ifNotExists().on('suggestions').columns(['status', 'received_at']).execute()
  await db.schema.dropIndex('suggestions_status').ifExists().execute()
  await db.schema.createIndex('suggestions_unit_status').ifNotExists().on('suggestions').columns(['unit_id', 'status', 'received_at']).execute()
  await db.schema.createIndex('suggestions_entry_point').ifNotExists().on('suggestions').columns(['entry_point_id', 'received_at']).execute()
  await db.schema.createIndex('suggestions_rating').ifNotExists().on('suggestions').columns(['rating', 'received_at']).where(sql.ref('rating'), 'is not', null).execute()
  await db.schema.createIndex('suggestions_proposal').ifNotExists().on('suggestions').column('received_at').where(sql.ref('is_proposal'), '=', true).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('suggestions_status').ifNotExists().on('suggestions').column('status').execute()
  await db.schema.dropIndex('suggestions_status_received').execute()
  for (const name of ['suggestions_proposal', 'suggestions_rating', 'suggestions_entry_point', 'suggestions_unit_status']) {
    await db.schema.dropIndex(name).execute()
  }
}
