import { sql } from 'kysely'
import { expect, it } from 'vitest'
import * as migration from '../../../server/db/migrations/2026-11-26-25-open-deadline'
import { describeEachDialect } from '../../helpers/test-db'
import { openDeadlinesAstray } from './fixtures'
import { statsFixture } from './stats-fixture'

// Migration 25 keeps each item's earliest open deadline on the item, for the overdue filter.
describeEachDialect('the earliest open deadline kept on each item (migration 25)', ({ db }) => {
  it('follows dispatches made, reported, moved and removed, and is built again from the rows by the migration', async () => {
    await statsFixture(db())
    const d = db().db
    // Two more items dispatched, one of them twice, with deadlines a week apart.
    const items = await d.selectFrom('suggestions').select(['id', 'unit_id']).orderBy('id').limit(2).execute()
    const user = (await d.selectFrom('users').select('id').executeTakeFirstOrThrow()).id
    for (const [i, days] of [[0, 3], [0, 10], [1, -2]] as const) {
      const item = items[i]!
      await d
        .insertInto('assignments')
        .values({ suggestion_id: item.id, unit_id: item.unit_id, leader_id: user, responsible_id: user, created_by: user, deadline: new Date(Date.UTC(2026, 2, 1) + days * 86_400_000) })
        .execute()
    }
    const open = await d.selectFrom('assignments').select(['id', 'suggestion_id']).where('state', '=', 'open').orderBy('deadline').execute()
    expect(open.length).toBeGreaterThan(3)
    expect(await openDeadlinesAstray(d)).toBe(0)
    // Moved, reported, removed: each changes what the item's earliest open deadline is.
    await d.updateTable('assignments').set({ deadline: new Date('2030-01-01T00:00:00Z') }).where('id', '=', open[0]!.id).execute()
    await d.updateTable('assignments').set({ state: 'reported', outcome: 'completed', reported_at: new Date() }).where('id', '=', open[1]!.id).execute()
    await d.deleteFrom('assignments').where('id', '=', open.at(-1)!.id).execute()
    expect(await openDeadlinesAstray(d)).toBe(0)
    const kept = (await sql<{ r: string }>`select id || ' ' || coalesce(open_deadline::text, '-') as r from suggestions order by id`.execute(d)).rows
    expect(kept.some((r) => !r.r.endsWith(' -'))).toBe(true)
    await migration.down(d)
    await migration.up(d)
    expect((await sql<{ r: string }>`select id || ' ' || coalesce(open_deadline::text, '-') as r from suggestions order by id`.execute(d)).rows).toEqual(kept)
  })
})
