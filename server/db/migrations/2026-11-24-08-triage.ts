import { sql, type Kysely } from 'kysely'

// What the union adds to an item when it triages it, the worker's verdict, and the search grams:
// every distinct character and pair of characters of the content, so a Chinese substring
// search of one or more characters finds its candidates through a GIN index on any locale.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('suggestions')
    .addColumn('summary', 'text', (col) => col.check(sql`char_length(summary) <= 200`))
    .addColumn('tags', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('is_proposal', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('rating', 'text', (col) => col.check(sql`rating in ('satisfied','basically','unsatisfied')`))
    .addColumn('content_grams', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .execute()
  await sql`create index suggestions_content_grams on suggestions using gin (content_grams)`.execute(db)
  await sql`create index suggestions_received on suggestions (received_at desc, id desc)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('suggestions')
    .dropColumn('summary')
    .dropColumn('tags')
    .dropColumn('is_proposal')
    .dropColumn('rating')
    .dropColumn('content_grams')
    .execute()
}
