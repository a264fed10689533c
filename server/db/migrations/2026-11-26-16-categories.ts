import { sql, type Kysely } from 'kysely'

// The eight categories of the field report, as they were when this migration was written
// (shared/categories.ts keeps them as the form's default). Items keep their ids.
const SEED = [
  ['leadership', '班子建设', 'Leadership team'],
  ['workforce', '队伍状况', 'Workforce'],
  ['skills', '素质提升', 'Skills and training'],
  ['rights', '权益保障', 'Rights protection'],
  ['pay', '薪酬考核', 'Pay and appraisal'],
  ['livelihood', '民生事宜', 'Daily life (canteen, dormitory, transport)'],
  ['employee_home', '“员工之家”建设', '"Employee Home" facilities'],
  ['other', '其他', 'Other'],
]

// Categories become rows admins edit. They are retired, never deleted, so an id is never reused
// and every item's category stays resolvable (the foreign key holds it).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (col) => col.primaryKey().check(sql`id ~ '^[a-z][a-z0-9_]{0,31}$'`))
    .addColumn('label_zh', 'text', (col) => col.notNull().check(sql`char_length(label_zh) between 1 and 20`))
    .addColumn('label_en', 'text', (col) => col.notNull().defaultTo('').check(sql`char_length(label_en) <= 60`))
    .addColumn('sort', 'integer', (col) => col.notNull())
    .addColumn('retired_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db
    .insertInto('categories')
    .values(SEED.map(([id, zh, en], sort) => ({ id, label_zh: zh, label_en: en, sort })))
    .execute()
  await db.schema
    .alterTable('suggestions')
    .addForeignKeyConstraint('suggestions_category_fk', ['category'], 'categories', ['id'])
    .onDelete('restrict')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('suggestions').dropConstraint('suggestions_category_fk').execute()
  await db.schema.dropTable('categories').execute()
}
