import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entry_points')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (col) => col.notNull().unique().check(sql`code ~ '^[A-Za-z0-9_-]{1,32}$'`))
    .addColumn('unit_id', 'uuid', (col) => col.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`char_length(name) between 1 and 100`))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('entry_points_unit').on('entry_points').column('unit_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('entry_points').execute()
}
