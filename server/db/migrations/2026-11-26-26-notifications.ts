import { sql, type Kysely } from 'kysely'

// Messages to the work groups the units already read (企业微信, 钉钉, any JSON webhook), through
// an outbox written in the same transaction as what they announce; and the two new event kinds,
// 催办 ('urge') and 批示 ('instruct'). Frozen here like migration 15's list.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('suggestion_events').dropConstraint('suggestion_events_kind_check').execute()
  await db.schema
    .alterTable('suggestion_events')
    .addCheckConstraint(
      'suggestion_events_kind_check',
      sql`kind in ('accept','report','dispatch','reply','close','reopen','decline','merge','classify','urge','instruct','note','reveal','submit','assignment_report','rate','message')`,
    )
    .execute()

  // The union's choices, one row for the deployment.
  await db.schema
    .createTable('notify_settings')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('include_content', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('triage_mode', 'text', (col) => col.notNull().defaultTo('digest').check(sql`triage_mode in ('instant','digest','off')`))
    .addColumn('remind_days', 'integer', (col) => col.notNull().defaultTo(2).check(sql`remind_days between 1 and 14`))
    .addColumn('digest_hour', 'integer', (col) => col.notNull().defaultTo(8).check(sql`digest_hour between 0 and 23`))
    // Items received up to here were announced (instant mode): moved in the transaction that announces them.
    .addColumn('triage_seen_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.insertInto('notify_settings').values({ id: 1 }).execute()

  await db.schema
    .createTable('notify_channels')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('unit_id', 'uuid', (col) => col.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('wecom','dingtalk','webhook')`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`char_length(name) between 1 and 60`))
    .addColumn('url', 'text', (col) => col.notNull().check(sql`char_length(url) <= 1000`))
    .addColumn('secret', 'text', (col) => col.check(sql`char_length(secret) <= 200`))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('notify_channels_unit').on('notify_channels').column('unit_id').execute()

  // One row per message and destination; channel_id null is the deployment's fallback (NOTIFY_WEBHOOK_URL).
  await db.schema
    .createTable('notify_outbox')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('channel_id', 'uuid', (col) => col.references('notify_channels.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('suggestion_id', 'uuid', (col) => col.references('suggestions.id').onDelete('cascade'))
    .addColumn('message', 'jsonb', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('pending').check(sql`state in ('pending','sending','sent','failed')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('notify_outbox_due')
    .on('notify_outbox')
    .column('next_attempt_at')
    .where(sql.ref('state'), 'in', ['pending', 'sending'])
    .execute()
  await db.schema.createIndex('notify_outbox_channel').on('notify_outbox').columns(['channel_id', 'id']).execute()
  await db.schema.createIndex('notify_outbox_item').on('notify_outbox').column('suggestion_id').execute()

  // What the planner has planned (a reminder of one dispatch's deadline, a day's digest): every app
  // process plans every minute, and the one whose insert of the key wins writes the messages.
  await db.schema
    .createTable('notify_marks')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notify_marks').execute()
  await db.schema.dropTable('notify_outbox').execute()
  await db.schema.dropTable('notify_channels').execute()
  await db.schema.dropTable('notify_settings').execute()
  await db.deleteFrom('suggestion_events').where('kind', 'in', ['urge', 'instruct']).execute()
  await db.schema.alterTable('suggestion_events').dropConstraint('suggestion_events_kind_check').execute()
  await db.schema
    .alterTable('suggestion_events')
    .addCheckConstraint(
      'suggestion_events_kind_check',
      sql`kind in ('accept','report','dispatch','reply','close','reopen','decline','merge','classify','note','reveal','submit','assignment_report','rate','message')`,
    )
    .execute()
}
