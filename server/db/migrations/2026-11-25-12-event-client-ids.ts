import { sql, type Kysely } from 'kysely'

// A worker's verdict or message may be sent again after a lost answer (the device queues them
// offline): the device's id for it makes the replay recognisable, like an item's id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('suggestion_events').addColumn('client_id', 'uuid').execute()
  await sql`create unique index suggestion_events_client_id on suggestion_events (client_id) where client_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('suggestion_events_client_id').execute()
  await db.schema.alterTable('suggestion_events').dropColumn('client_id').execute()
}
