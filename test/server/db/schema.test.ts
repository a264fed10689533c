import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { STATUSES } from '../../../shared/lifecycle'
import { describeEachDialect } from '../../helpers/test-db'

describeEachDialect('database schema', ({ db }) => {
  it('allows exactly the statuses of the shared lifecycle', async () => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'suggestions_status_check'`.execute(db().db)
    const allowed = [...rows[0]!.def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort()
    expect(allowed).toEqual([...STATUSES].sort())
  })

  it('loads the demo organisation: one area, 3 central stations, 16 stations, 6 QR entry points', async () => {
    const units = await db().db.selectFrom('org_units').select(['kind']).execute()
    const byKind = (k: string) => units.filter((u) => u.kind === k).length
    expect([byKind('area'), byKind('central_station'), byKind('station')]).toEqual([1, 3, 16])
    expect(byKind('office')).toBeGreaterThanOrEqual(4)
    const entryPoints = await db().db.selectFrom('entry_points').select('code').execute()
    expect(entryPoints).toHaveLength(6)
  })

  it('refuses, at the database itself, an anonymous row that carries a name', async () => {
    const ep = await db().db.selectFrom('entry_points').select(['id', 'unit_id']).executeTakeFirstOrThrow()
    const insert = db().db
      .insertInto('suggestions')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        follow_up_hash: 'h',
        payload_hash: 'p',
        entry_point_id: ep.id,
        unit_id: ep.unit_id,
        category: 'other',
        content: '测试内容五个字',
        anonymous: true,
        submitter_name: '张三',
        submitter_employee_no: null,
        submitter_phone: null,
        device_created_at: new Date(),
        merged_into: null,
      })
      .execute()
    await expect(insert).rejects.toThrow(/suggestions_anonymous_no_identity/)
  })
})
