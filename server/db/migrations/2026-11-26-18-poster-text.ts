import { sql, type Kysely } from 'kysely'

// The union's own words on its QR posters, a title line and a footer, set on a unit for its whole
// subtree (the nearest unit up the tree that set one counts); null: the app's default text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('org_units')
    .addColumn('poster_title', 'text', (col) => col.check(sql`char_length(poster_title) between 1 and 40`))
    .addColumn('poster_footer', 'text', (col) => col.check(sql`char_length(poster_footer) between 1 and 80`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('org_units').dropColumn('poster_title').dropColumn('poster_footer').execute()
}
