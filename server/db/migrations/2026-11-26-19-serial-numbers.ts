import { sql, type Kysely } from 'kysely'

// Readable numbers (YJ-2026-0001): a sequence per China year of arrival. The counter row is taken
// in the item's insert transaction, so a rolled-back insert gives its number back (no gaps).
// Existing items are numbered in arrival order. The zone is written out here, not imported.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('serial_counters')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('last', 'integer', (col) => col.notNull().check(sql`last > 0`))
    .execute()
  await db.schema
    .alterTable('suggestions')
    .addColumn('serial_year', 'integer')
    .addColumn('serial_seq', 'integer', (col) => col.check(sql`serial_seq > 0`))
    .execute()
  await sql`update suggestions s set serial_year = n.year, serial_seq = n.seq
    from (select id, year, row_number() over (partition by year order by received_at, id)::int as seq
          from (select id, received_at, extract(year from received_at at time zone 'Asia/Shanghai')::int as year from suggestions) y) n
    where n.id = s.id`.execute(db)
  await sql`insert into serial_counters (year, last) select serial_year, max(serial_seq) from suggestions group by serial_year`.execute(db)
  await db.schema.alterTable('suggestions').alterColumn('serial_year', (col) => col.setNotNull()).execute()
  await db.schema.alterTable('suggestions').alterColumn('serial_seq', (col) => col.setNotNull()).execute()
  await db.schema.createIndex('suggestions_serial').on('suggestions').columns(['serial_year', 'serial_seq']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('suggestions_serial').execute()
  await db.schema.alterTable('suggestions').dropColumn('serial_seq').dropColumn('serial_year').execute()
  await db.schema.dropTable('serial_counters').execute()
}
