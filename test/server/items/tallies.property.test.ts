import fc from 'fast-check'
import { sql, type Kysely } from 'kysely'
import { expect, it } from 'vitest'
import type { Stats } from '../../../shared/admin-api'
import { RATINGS, type Rating } from '../../../shared/ratings'
import { OPEN_STATUSES, rate, SATISFIED_RATINGS } from '../../../shared/rates'
import type { Breakdown } from '../../../shared/schemas/stats-query'
import { ANSWERED_STATUSES, STATUSES, type Status } from '../../../shared/statuses'
import { todayInChina } from '../../../shared/time'
import { uuidv7 } from '../../../shared/uuid'
import type { SessionUser } from '../../../server/auth/sessions'
import type { Database } from '../../../server/db/schema'
import { groupedStats, type Source } from '../../../server/domain/items/stats'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, openDeadlinesAstray } from './fixtures'

// The sums of migration 21 are kept by triggers, item by item, in every writing transaction.
// Random writes (straight to the tables, as any code path might make them) are followed by three
// checks: the kept sums equal a rebuild from scratch; the figures of an officer and of a leader
// of the top unit read from the sums equal the same figures read from the facts; both equal
// figures worked out here in plain code from the rows (every item for the officer, the items
// with a dispatch for the leader), for random periods and every breakdown.

/** The time of asking: mid-month, so this month's deadlines fall on both sides of it. */
const NOW = new Date('2026-03-15T12:00:00+08:00')
const HOUR = 3_600_000
const CATEGORIES = ['leadership', 'pay', 'livelihood']
const OUTCOMES = ['completed', 'partial', 'cannot'] as const

const add = fc.record({ kind: fc.constant('add' as const), unit: fc.nat(), point: fc.nat(), category: fc.nat(), hours: fc.integer({ min: -24 * 80, max: 24 * 30 }), status: fc.nat(), rating: fc.nat(), proposal: fc.boolean(), more: fc.nat({ max: 3 }) })
const op = fc.oneof(
  { arbitrary: add, weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('set' as const), item: fc.nat(), field: fc.constantFrom('status', 'rating', 'is_proposal', 'category', 'unit_id', 'received_at'), value: fc.nat(), hours: fc.integer({ min: -24 * 80, max: 24 * 30 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('dispatch' as const), item: fc.nat(), hours: fc.integer({ min: -24 * 60, max: 24 * 20 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('report' as const), assignment: fc.nat(), outcome: fc.nat(), hours: fc.integer({ min: -24 * 10, max: 24 * 10 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('answer' as const), item: fc.nat(), decline: fc.boolean(), minutes: fc.integer({ min: -60, max: 60 * 24 * 150 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('moveAnswer' as const), event: fc.nat(), minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('undispatch' as const), assignment: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), item: fc.nat() }), weight: 1 },
)
/** A few items first, then changes to them. */
const ops = fc.tuple(fc.array(add, { minLength: 2, maxLength: 6 }), fc.array(op, { minLength: 4, maxLength: 30 })).map(([adds, changes]) => [...adds, ...changes])
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

const day = fc.integer({ min: -80, max: 30 }).map((n) => todayInChina(new Date(NOW.getTime() + n * 24 * HOUR)))
const period = fc.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) })

describeEachDialect('the kept sums of the union’s figures (migration 21)', ({ db }) => {
  it('equal a rebuild, the facts, and the figures worked out from the rows, after random writes', async () => {
    const { ids } = await cast(db())
    const d = db().db
    const units = await d.selectFrom('org_units').select(['id', 'path']).execute()
    const points = await d.selectFrom('entry_points').select(['id', 'unit_id']).execute()
    const top = units.find((u) => u.path.split('/').filter(Boolean).length === 1)!
    const officer: SessionUser = { id: ids.officer.id, username: 'officer', displayName: '', role: 'officer', unitId: top.id, unitPath: top.path, csrfToken: '' }
    // A leader of the top unit sees every item with a dispatch: the sums keep that apart too.
    const leader: SessionUser = { ...officer, id: ids.leader.id, username: 'leader', role: 'leader' }
    let serial = 0

    await fc.assert(
      fc.asyncProperty(ops, fc.array(period, { minLength: 2, maxLength: 2 }), fc.constantFrom<Breakdown | null>(null, 'unit', 'category', 'entryPoint', 'month'), async (ops, periods, by) => {
        await db().reset()
        for (const o of ops) await apply(d, o, { units, points, user: ids.officer.id, serial: () => ++serial })
        // Migration 25's trigger kept each item's earliest open deadline through the same writes.
        expect(await openDeadlinesAstray(d)).toBe(0)
        const kept = await sums(d)
        await sql`select tally_rebuild()`.execute(d)
        expect(await sums(d)).toEqual(kept)
        const rows = await facts(d)
        for (const p of [{}, ...periods]) {
          for (const [who, items] of [[officer, rows], [leader, rows.filter((r) => r.dispatches.length > 0)]] as const) {
            const read = async (source: Source) => Object.fromEntries(await groupedStats(d, who, p, by, NOW, source))
            const expected = worked(items, p, by, units, top.path)
            expect(await read('tallies'), who.role).toEqual(expected)
            expect(await read('facts'), who.role).toEqual(expected)
          }
        }
      }),
      { numRuns: 40, seed: 20261126 },
    )
  })
})

interface Context {
  units: Array<{ id: string; path: string }>
  points: Array<{ id: string; unit_id: string }>
  user: string
  serial: () => number
}

/** One random write, straight to the tables; an op on something absent does nothing. */
async function apply(d: Kysely<Database>, o: Op, c: Context): Promise<void> {
  const pick = async (table: 'suggestions' | 'assignments', n: number) => {
    const rows = await d.selectFrom(table).select('id').orderBy('id').execute()
    return rows.length ? rows[n % rows.length]!.id : null
  }
  switch (o.kind) {
    case 'add': {
      const point = c.points[o.point % c.points.length]!
      const at = new Date(NOW.getTime() + o.hours * HOUR)
      // A merged item names its main item (a check of the table): the first there is, or it is new.
      const main = await pick('suggestions', 0)
      const status = STATUSES[o.status % STATUSES.length]!
      // Up to three more in the same statement, a day apart, another category or status each:
      // new items are counted per statement (migration 23).
      const rows = Array.from({ length: 1 + o.more }, (_, k) => {
        const when = new Date(at.getTime() + k * 24 * HOUR)
        const id = uuidv7(when.getTime())
        const s = k ? STATUSES[(o.status + k) % STATUSES.length]! : status
        return {
          id,
          follow_up_hash: id,
          payload_hash: 'p',
          entry_point_id: point.id,
          unit_id: o.unit % 3 ? point.unit_id : c.units[o.unit % c.units.length]!.id,
          category: CATEGORIES[(o.category + k) % CATEGORIES.length]!,
          content: '随机写入',
          anonymous: true,
          device_created_at: when,
          received_at: when,
          status: s === 'merged' && !main ? 'submitted' : s,
          merged_into: s === 'merged' && main ? main : null,
          rating: (o.rating + k) % 4 === 3 ? null : RATINGS[(o.rating + k) % 4]!,
          is_proposal: o.proposal,
          serial_year: 2999,
          serial_seq: c.serial(),
        }
      })
      await d.insertInto('suggestions').values(rows).execute()
      return
    }
    case 'set': {
      const id = await pick('suggestions', o.item)
      if (!id) return
      const value = {
        status: STATUSES[o.value % STATUSES.length],
        rating: o.value % 4 === 3 ? null : RATINGS[o.value % 4],
        is_proposal: o.value % 2 === 0,
        category: CATEGORIES[o.value % CATEGORIES.length],
        unit_id: c.units[o.value % c.units.length]!.id,
        received_at: new Date(NOW.getTime() + o.hours * HOUR),
      }[o.field]
      const main = (await d.selectFrom('suggestions').select('id').where('id', '<>', id).orderBy('id').executeTakeFirst())?.id ?? null
      if (value === 'merged' && !main) return
      const merged = o.field === 'status' ? { merged_into: value === 'merged' ? main : null } : {}
      await d.updateTable('suggestions').set({ [o.field]: value, ...merged } as never).where('id', '=', id).execute()
      return
    }
    case 'dispatch': {
      const id = await pick('suggestions', o.item)
      if (!id) return
      const unit = c.units[o.hours % c.units.length]?.id ?? c.units[0]!.id
      await d.insertInto('assignments').values({ suggestion_id: id, unit_id: unit, leader_id: c.user, responsible_id: c.user, created_by: c.user, deadline: new Date(NOW.getTime() + o.hours * HOUR) }).execute()
      return
    }
    case 'report': {
      const id = await pick('assignments', o.assignment)
      if (!id) return
      const a = await d.selectFrom('assignments').select('deadline').where('id', '=', id).executeTakeFirstOrThrow()
      await d
        .updateTable('assignments')
        .set({ state: 'reported', outcome: OUTCOMES[o.outcome % 3]!, report_text: '已处理', reported_by: c.user, reported_at: new Date(a.deadline.getTime() + o.hours * HOUR) })
        .where('id', '=', id)
        .execute()
      return
    }
    case 'answer': {
      const id = await pick('suggestions', o.item)
      if (!id) return
      const s = await d.selectFrom('suggestions').select('received_at').where('id', '=', id).executeTakeFirstOrThrow()
      await d
        .insertInto('suggestion_events')
        .values({ suggestion_id: id, kind: o.decline ? 'decline' : 'reply', actor_kind: 'officer', actor_user_id: c.user, is_public: true, created_at: new Date(s.received_at.getTime() + o.minutes * 60_000) } as never)
        .execute()
      return
    }
    case 'moveAnswer': {
      const events = await d.selectFrom('suggestion_events').select(['id', 'suggestion_id']).where('kind', 'in', ['reply', 'decline']).orderBy('id').execute()
      const e = events[o.event % Math.max(events.length, 1)]
      if (!e) return
      const s = await d.selectFrom('suggestions').select('received_at').where('id', '=', e.suggestion_id).executeTakeFirstOrThrow()
      await d.updateTable('suggestion_events').set({ created_at: new Date(s.received_at.getTime() + o.minutes * 60_000) } as never).where('id', '=', e.id).execute()
      return
    }
    case 'undispatch': {
      const id = await pick('assignments', o.assignment)
      if (id) await d.deleteFrom('assignments').where('id', '=', id).execute()
      return
    }
    case 'delete': {
      const id = await pick('suggestions', o.item)
      if (!id) return
      // Items merged into it come back first (the reference holds them).
      await d.updateTable('suggestions').set({ status: 'submitted', merged_into: null }).where('merged_into', '=', id).execute()
      await d.deleteFrom('suggestions').where('id', '=', id).execute()
      return
    }
  }
}

/** Every kept row, in a fixed order, as text. */
async function sums(d: Kysely<Database>) {
  const all = async (table: string, order: string) => (await sql.raw(`select t::text as row from ${table} t order by ${order}`).execute(d)).rows
  return {
    facts: await all('item_facts', 'suggestion_id'),
    tallies: await all('item_tallies', 'grain, period, unit_id, entry_point_id, category, has_dispatch'),
    open: await all('item_open_tallies', 'grain, period, unit_id, entry_point_id, category, deadline_month'),
    answers: await all('item_answer_tallies', 'grain, period, unit_id, has_dispatch, bucket'),
  }
}

interface Row {
  id: string
  day: string
  unit_id: string
  entry_point_id: string
  category: string
  status: Status
  rating: Rating | null
  is_proposal: boolean
  received_at: Date
  dispatches: Array<{ state: string; outcome: string | null; deadline: Date; reported_at: Date | null }>
  answered: Date | null
}

/** The items with their dispatches and first answer, read plainly. */
async function facts(d: Kysely<Database>): Promise<Row[]> {
  const items = await d.selectFrom('suggestions').select(['id', 'unit_id', 'entry_point_id', 'category', 'status', 'rating', 'is_proposal', 'received_at']).execute()
  const dispatches = await d.selectFrom('assignments').select(['suggestion_id', 'state', 'outcome', 'deadline', 'reported_at']).execute()
  const answers = await d.selectFrom('suggestion_events').select(['suggestion_id', 'created_at']).where('kind', 'in', ['reply', 'decline']).execute()
  return items.map((s) => {
    const times = answers.filter((a) => a.suggestion_id === s.id).map((a) => a.created_at.getTime())
    return { ...s, day: todayInChina(s.received_at), dispatches: dispatches.filter((a) => a.suggestion_id === s.id), answered: times.length ? new Date(Math.min(...times)) : null }
  })
}

/** The steps of a first answer's delay, as shared/rates.ts describes them, in days. */
function stepDays(ms: number): number {
  const sec = Math.max(ms, 0) / 1000
  if (sec < 864_000) return Math.floor(sec / 8640) / 10
  if (sec < 2_592_000) return 10 + Math.floor((sec - 864_000) / 43_200) / 2
  if (sec < 10_368_000) return 30 + Math.floor((sec - 2_592_000) / 86_400)
  return 120
}

/** The figures of shared/rates.ts worked out from the rows, per group, for an officer of the top unit. */
function worked(rows: Row[], p: { from?: string; to?: string }, by: Breakdown | null, units: Array<{ id: string; path: string }>, top: string): Record<string, Stats> {
  const inPeriod = rows.filter((r) => (!p.from || r.day >= p.from) && (!p.to || r.day <= p.to))
  const key = (r: Row): string => {
    if (by === null) return ''
    if (by === 'category') return r.category
    if (by === 'entryPoint') return r.entry_point_id
    if (by === 'month') return r.day.slice(0, 7)
    return units.find((u) => u.id === r.unit_id)!.path.slice(top.length).split('/')[0] || top.split('/').filter(Boolean).at(-1)!
  }
  const groups = new Map<string, Row[]>()
  for (const r of inPeriod) groups.set(key(r), [...(groups.get(key(r)) ?? []), r])
  const count = (list: Row[], test: (r: Row) => boolean) => list.filter(test).length
  return Object.fromEntries(
    [...groups].map(([k, list]) => {
      const byStatus = Object.fromEntries(STATUSES.map((s) => [s, count(list, (r) => r.status === s)])) as Record<Status, number>
      const byRating = Object.fromEntries(RATINGS.map((g) => [g, count(list, (r) => r.rating === g)])) as Record<Rating, number>
      const dispatched = list.filter((r) => r.dispatches.length > 0)
      const all = list.flatMap((r) => r.dispatches)
      const delays = list.filter((r) => r.answered).map((r) => stepDays(r.answered!.getTime() - r.received_at.getTime())).sort((a, b) => a - b)
      const median = delays.length ? (delays[Math.floor((delays.length - 1) / 2)]! + delays[Math.ceil((delays.length - 1) / 2)]!) / 2 : null
      const rated = count(list, (r) => r.rating !== null)
      const stats: Stats = {
        replyRate: rate(count(list, (r) => (ANSWERED_STATUSES as readonly Status[]).includes(r.status)), list.length - byStatus.merged),
        implementationRate: rate(count(dispatched, (r) => r.dispatches.every((a) => a.outcome === 'completed')), dispatched.length),
        onTimeRate: rate(all.filter((a) => a.reported_at && a.reported_at <= a.deadline).length, all.filter((a) => a.state === 'reported' || a.deadline < NOW).length),
        satisfactionRate: rate(count(list, (r) => (SATISFIED_RATINGS as readonly string[]).includes(r.rating ?? '')), rated),
        received: list.length,
        open: count(list, (r) => (OPEN_STATUSES as readonly Status[]).includes(r.status)),
        overdue: count(list, (r) => r.dispatches.some((a) => a.state === 'open' && a.deadline < NOW)),
        proposals: count(list, (r) => r.is_proposal),
        medianDaysToReply: by === 'category' || by === 'entryPoint' ? null : median,
        byStatus,
        byRating,
      }
      return [k, stats]
    }),
  )
}
