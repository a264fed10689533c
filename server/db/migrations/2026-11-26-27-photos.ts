import { sql, type Kysely } from 'kysely'

// Photos of items (issue 14), in the database like everything else: one deployment is one
// database, backed up together, and app processes stay stateless. A photo arrives in chunks
// (photo_chunks) and, once whole and decoded, is kept as the server's own JPEG re-encoding with
// a thumbnail; its chunks are then dropped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('photos')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('suggestion_id', 'uuid', (col) => col.notNull().references('suggestions.id').onDelete('cascade'))
    .addColumn('origin', 'text', (col) => col.notNull().check(sql`origin in ('worker','staff')`))
    // The SHA-256 (hex) of the bytes the phone made: with the item and origin, the upload's key.
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('uploaded_by', 'uuid', (col) => col.references('users.id').onDelete('cascade'))
    // The report back it came with; null for the worker's and for a reviewer's not yet sent with one.
    .addColumn('assignment_id', 'uuid', (col) => col.references('assignments.id').onDelete('cascade'))
    .addColumn('total_bytes', 'integer', (col) => col.notNull().check(sql`total_bytes between 1 and 1500000`))
    .addColumn('received_bytes', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('complete', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('image', 'bytea')
    .addColumn('thumb', 'bytea')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint('photos_whole', sql`complete = (image is not null and thumb is not null and width is not null and height is not null)`)
    .addCheckConstraint('photos_received', sql`received_bytes between 0 and total_bytes`)
    .addUniqueConstraint('photos_key', ['suggestion_id', 'origin', 'sha256'])
    .execute()
  await db.schema.createIndex('photos_assignment').on('photos').column('assignment_id').execute()
  await db.schema
    .createTable('photo_chunks')
    .addColumn('photo_id', 'uuid', (col) => col.notNull().references('photos.id').onDelete('cascade'))
    .addColumn('start', 'integer', (col) => col.notNull())
    .addColumn('data', 'bytea', (col) => col.notNull())
    .addPrimaryKeyConstraint('photo_chunks_pk', ['photo_id', 'start'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('photo_chunks').execute()
  await db.schema.dropTable('photos').execute()
}
