import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { EVENT_KINDS, STATUSES } from '../../../shared/lifecycle'
import { OUTCOMES } from '../../../shared/outcomes'
import { RATINGS } from '../../../shared/ratings'
import { ROLES } from '../../../shared/roles'
import { UNIT_KINDS } from '../../../shared/unit-kinds'
import { describeEachDialect } from '../../helpers/test-db'

describeEachDialect('database schema', ({ db }) => {
  /** The values a CHECK constraint lists, sorted. */
  async function checkedValues(constraint: string): Promise<string[]> {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${constraint}`.execute(db().db)
    return [...rows[0]!.def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!).sort()
  }

  it('allows exactly the statuses of the shared lifecycle', async () => {
    expect(await checkedValues('suggestions_status_check')).toEqual([...STATUSES].sort())
  })

  it('allows exactly the event kinds of the shared lifecycle', async () => {
    expect(await checkedValues('suggestion_events_kind_check')).toEqual([...EVENT_KINDS].sort())
  })

  it('allows exactly the roles, ratings, dispatch outcomes and unit kinds of shared/', async () => {
    expect(await checkedValues('users_role_check')).toEqual([...ROLES].sort())
    expect(await checkedValues('suggestions_rating_check')).toEqual([...RATINGS].sort())
    expect(await checkedValues('assignments_outcome_check')).toEqual([...OUTCOMES].sort())
    expect(await checkedValues('org_units_kind_check')).toEqual([...UNIT_KINDS].sort())
  })

  it('refuses, at the database itself, an event of an unknown kind', async () => {
    const ep = await db().db.selectFrom('entry_points').select(['id', 'unit_id']).executeTakeFirstOrThrow()
    const id = '01900000-0000-7000-8000-000000000002'
    await db()
      .db.insertInto('suggestions')
      .values({ id, follow_up_hash: 'h2', payload_hash: 'p', entry_point_id: ep.id, unit_id: ep.unit_id, category: 'other', content: '测试内容五个字', anonymous: true, submitter_name: null, submitter_employee_no: null, submitter_phone: null, device_created_at: new Date(), merged_into: null, serial_year: 2026, serial_seq: 2 })
      .execute()
    const event = (kind: string) =>
      db().db.insertInto('suggestion_events').values({ suggestion_id: id, kind: kind as 'note', from_status: null, to_status: null, actor_kind: 'officer', actor_user_id: null, note: null, public_text: null, is_public: false, data: null, client_id: null }).execute()
    await event('note')
    await expect(event('escalate')).rejects.toThrow(/suggestion_events_kind_check/)
    const kinds = await db().db.selectFrom('suggestion_events').select('kind').where('suggestion_id', '=', id).execute()
    expect(kinds).toEqual([{ kind: 'note' }])
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
        serial_year: 2026,
        serial_seq: 1,
      })
      .execute()
    await expect(insert).rejects.toThrow(/suggestions_anonymous_no_identity/)
  })
})
