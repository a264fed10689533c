import { sql, type Kysely } from 'kysely'

// An item's open dispatches with their deadlines, in a small index of its own: the inbox's
// "overdue" filter and each page's next deadline look an item's open dispatches up as it walks
// the items newest first (at 1,000,000 items about 10,000 look-ups for a page of overdue ones).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('assignments_open_item').ifNotExists().on('assignments').columns(['suggestion_id', 'deadline']).where(sql<boolean>`state = 'open'`).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignments_open_item').execute()
}
