import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { uuidv7 } from '../../../shared/uuid'
import { describeEachDialect } from '../../helpers/test-db'

// Two items of one QR point and day reclassified the opposite ways at once, over and over: each
// change takes the sums of both categories, in the order of their keys (migration 21's
// tally_item), so neither waits for the other forever. Before that order, PostgreSQL found a
// deadlock in about one round in five of this loop; PGlite runs them one after another.
describeEachDialect('the figures’ sums under parallel reclassification', ({ db }) => {
  it('never deadlock, and add up to a rebuild afterwards', async () => {
    const d = db().db
    const point = await d.selectFrom('entry_points').select(['id', 'unit_id']).executeTakeFirstOrThrow()
    const at = new Date('2026-03-10T10:00:00+08:00')
    const ids = [uuidv7(at.getTime()), uuidv7(at.getTime())]
    await d
      .insertInto('suggestions')
      .values(ids.map((id, i) => ({ id, follow_up_hash: id, payload_hash: 'p', entry_point_id: point.id, unit_id: point.unit_id, category: i ? 'pay' : 'livelihood', content: '并发改分类', anonymous: true, device_created_at: at, received_at: at, serial_year: 2999, serial_seq: i + 1 })))
      .execute()
    const failures: unknown[] = []
    for (let round = 0; round < 60; round++) {
      const [a, b] = round % 2 ? ['pay', 'livelihood'] : ['livelihood', 'pay']
      const results = await Promise.allSettled([
        d.updateTable('suggestions').set({ category: a }).where('id', '=', ids[0]!).execute(),
        d.updateTable('suggestions').set({ category: b }).where('id', '=', ids[1]!).execute(),
      ])
      for (const r of results) if (r.status === 'rejected') failures.push(String(r.reason))
    }
    expect(failures).toEqual([])
    const sums = async () => (await sql<{ row: string }>`select t::text as row from item_tallies t order by grain, period, category, has_dispatch`.execute(d)).rows
    const kept = await sums()
    expect(kept).toHaveLength(6) // two categories × day, month and year
    await sql`select tally_rebuild()`.execute(d)
    expect(await sums()).toEqual(kept)
  })
})
