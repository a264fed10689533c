import { sql, type Kysely } from 'kysely'

// Scans of each QR point, counted per China day: a number and nothing else (no address, no
// device, no time of day), so the count cannot say who scanned.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entry_point_scans')
    .addColumn('entry_point_id', 'uuid', (col) => col.notNull().references('entry_points.id').onDelete('cascade'))
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('scans', 'integer', (col) => col.notNull().check(sql`scans > 0`))
    .addPrimaryKeyConstraint('entry_point_scans_pk', ['entry_point_id', 'day'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('entry_point_scans').execute()
}
