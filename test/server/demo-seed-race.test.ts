import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../server/db/demo-seed'
import { describeEachDialect } from '../helpers/test-db'

describeEachDialect('the demo organisation, loaded by two app processes starting at once', ({ db }) => {
  it('is loaded once, and neither start fails', async () => {
    const d = db().db
    await sql`delete from entry_points`.execute(d)
    await sql`delete from org_units`.execute(d)
    // Two starts at once (on PostgreSQL two connections of the pool, as two processes would be).
    const loaded = await Promise.all([seedDemoIfEmpty(d), seedDemoIfEmpty(d), seedDemoIfEmpty(d)])
    expect(loaded.filter(Boolean)).toHaveLength(1)
    const units = await d.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    const tops = await d.selectFrom('org_units').select('id').where('parent_id', 'is', null).execute()
    expect(Number(units.n)).toBeGreaterThan(5)
    expect(tops).toHaveLength(1)
  })
})
