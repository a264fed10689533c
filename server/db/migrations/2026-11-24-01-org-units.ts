import { sql, type Kysely } from 'kysely'

// Frozen in time: takes Kysely<any> and imports no app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_units')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_id', 'uuid', (col) => col.references('org_units.id').onDelete('restrict'))
    .addColumn('path', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('company','plant','area','office','central_station','station','team')`),
    )
    .addColumn('name', 'text', (col) => col.notNull().check(sql`char_length(name) between 1 and 100`))
    .addColumn('sort', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index org_units_path_prefix on org_units (path text_pattern_ops)`.execute(db)
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org_units').execute()
}
