import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('unit_id', 'uuid', (col) => col.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`char_length(title) between 1 and 50`))
    .addColumn('body', 'text', (col) => col.notNull().check(sql`char_length(body) between 1 and 2000`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reply_templates').execute()
}
