import { sql } from 'kysely'
import { expect, it } from 'vitest'
import * as migration from '../../../server/db/migrations/2026-11-26-21-item-tallies'
import { describeEachDialect } from '../../helpers/test-db'
import { statsFixture } from './stats-fixture'

// Migration 21 on a database that already holds items: taken down and run again, it builds the
// same facts and sums from the rows that the triggers kept as the fixture's items were made.
describeEachDialect('migration 21 on items stored before it', ({ db }) => {
  it('builds the facts and sums the triggers would have kept, and comes down cleanly', async () => {
    await statsFixture(db())
    const d = db().db
    const rows = async () => ({
      facts: (await sql<{ r: string }>`select t::text as r from item_facts t order by suggestion_id`.execute(d)).rows,
      tallies: (await sql<{ r: string }>`select t::text as r from item_tallies t order by grain, period, unit_id, entry_point_id, category, has_dispatch`.execute(d)).rows,
      open: (await sql<{ r: string }>`select t::text as r from item_open_tallies t order by grain, period, unit_id, entry_point_id, category, deadline_month`.execute(d)).rows,
      answers: (await sql<{ r: string }>`select t::text as r from item_answer_tallies t order by grain, period, unit_id, has_dispatch, bucket`.execute(d)).rows,
    })
    const kept = await rows()
    expect([kept.facts.length, kept.open.length > 0, kept.answers.length > 0]).toEqual([8, true, true])
    await migration.down(d)
    const left = await sql<{ n: string }>`select count(*) as n from pg_tables where tablename like 'item\\_%' and schemaname = current_schema()`.execute(d)
    expect(Number(left.rows[0]!.n)).toBe(0)
    await migration.up(d)
    expect(await rows()).toEqual(kept)
  })
})
