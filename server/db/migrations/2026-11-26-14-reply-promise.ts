import { sql, type Kysely } from 'kysely'

// The union's promised time to answer, in days, set on a unit for its whole subtree (the nearest
// unit up the tree that has one counts): the worker is told it after submitting.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('org_units')
    .addColumn('reply_within_days', 'integer', (col) => col.check(sql`reply_within_days between 1 and 365`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('org_units').dropColumn('reply_within_days').execute()
}
