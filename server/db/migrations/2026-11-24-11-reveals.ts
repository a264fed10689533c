import { sql, type Kysely } from 'kysely'

// The union's decision to show a named submitter to one reviewer (for a face-to-face talk).
// Without a row here, handlers and leaders never see who wrote an item.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('identity_reveals')
    .addColumn('suggestion_id', 'uuid', (col) => col.notNull().references('suggestions.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('revealed_by', 'uuid', (col) => col.notNull().references('users.id').onDelete('restrict'))
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`char_length(reason) between 1 and 500`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('identity_reveals_pk', ['suggestion_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('identity_reveals').execute()
}
