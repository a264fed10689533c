import { sql, type Kysely } from 'kysely'

// Event kinds as of this migration: the lifecycle's actions, then creation, partial reports and the
// worker's verdicts and messages. Frozen here; test/server/db/schema.test.ts compares the live
// constraint with shared/lifecycle.ts's EVENT_KINDS, so a new kind needs a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('suggestion_events')
    .addCheckConstraint(
      'suggestion_events_kind_check',
      sql`kind in ('accept','report','dispatch','reply','close','reopen','decline','merge','classify','note','reveal','submit','assignment_report','rate','message')`,
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('suggestion_events').dropConstraint('suggestion_events_kind_check').execute()
}
