import fc from 'fast-check'
import { randomBytes, scryptSync } from 'node:crypto'
import { SESSION_COOKIE } from '../../../server/auth/middleware'
import { createSession } from '../../../server/auth/sessions'
import { DEFAULT_CATEGORIES } from '../../../shared/categories'
import { STATUSES, type Action } from '../../../shared/lifecycle'
import { OUTCOMES } from '../../../shared/outcomes'
import { RATINGS } from '../../../shared/ratings'
import { REPLY_CHANNELS } from '../../../shared/reply-channels'
import type { Role } from '../../../shared/roles'
import { createUser, sessionFrom, TEST_PASSWORD, unitId, type Session } from '../../helpers/admin'
import { postJson, testApp } from '../../helpers/test-app'
import { type TestDb } from '../../helpers/test-db'
import { workerItem } from '../../helpers/worker-item'
import { dayFromToday } from '../items/fixtures'
import { text, nearDay, nearInstant, date, uuidOf, choice, flag, Often, type Fields, keepOr, version, edits, toJson, encode, RAW_QUERY, runsOf } from './values'

const CATEGORY_IDS = DEFAULT_CATEGORIES.map((c) => c.id)

// ---- The people and items the routes act on ----

export const SAME_ORIGIN = { origin: 'http://localhost', host: 'localhost' }
export const PEOPLE = [
  ['officer', 'officer', '艾家湾采油作业区'],
  ['leader', 'leader', '艾家湾采油作业区'],
  ['handler', 'handler', '第一中心站'],
  ['admin', 'admin', '艾家湾采油作业区'],
] as const satisfies ReadonlyArray<readonly [string, Role, string]>
export type Who = (typeof PEOPLE)[number][0]

/** Reviewers with sessions made in the database, once per file (see `TestDb.perFile`). */
export function crew(testDb: TestDb) {
  return testDb.perFile('crew', ['users', 'sessions'], () => makeCrew(testDb))
}

async function makeCrew(testDb: TestDb) {
  const app = testApp(testDb)
  const db = testDb.db
  const ids = {} as Record<Who, string>
  const as = {} as Record<Who, Session>
  for (const [name, role, unit] of PEOPLE) {
    ids[name] = (await createUser(db, name, role, unit, `${name} 的名字`)).id
    const session = await createSession(db, ids[name])
    as[name] = sessionFrom(app, `${SESSION_COOKIE}=${session.token}`, session.csrfToken)
  }
  const units = { area: await unitId(db, '艾家湾采油作业区'), cs1: await unitId(db, '第一中心站'), cs2: await unitId(db, '第二中心站') }
  const named = { anonymous: false, submitter: { name: '张三', employeeNo: 'A-001', phone: '13912345678' } }
  /** Stores `n` items in one request (named ones when asked); returns their ids and codes. */
  async function submit(n = 1, isNamed = false) {
    const items = Array.from({ length: n }, () => ({ ...workerItem('宿舍的热水器坏了一个星期了'), ...(isNamed ? named : {}) }))
    const res = await postJson(app, '/api/suggestions', { items })
    if (res.status !== 201) throw new Error(`submit failed: ${JSON.stringify(res.body)}`)
    return items.map((i) => ({ id: i.id, code: i.followUpCode }))
  }
  const detail = async (id: string) => (await as.officer.get(`/api/admin/items/${id}`)).body
  /**
   * An officer's action with the version the officer sees (read first unless given); it must
   * succeed. Answers the item's detail after it, as the route does.
   */
  async function act(id: string, action: Action, extra: Record<string, unknown> = {}, version?: number) {
    const res = await as.officer.post(`/api/admin/items/${id}/${action}`, { version: version ?? (await detail(id)).version, ...extra })
    if (res.status !== 200) throw new Error(`${action} failed: ${JSON.stringify(res.body)}`)
    return res.body
  }
  return { app, db: testDb, ids, as, units, submit, detail, act }
}
export type Crew = Awaited<ReturnType<typeof makeCrew>>

/**
 * A stored hash with scrypt's cheapest cost: `verifyPassword` takes the cost from the hash, so the
 * login and password properties check quickly. Each of them first proves that a login with it works.
 */
export function cheapHash(password: string): string {
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16, r: 8, p: 1 })
  return ['scrypt', 16, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
}
export async function cheapPassword(c: Crew, who: Who): Promise<void> {
  await c.db.db.updateTable('users').set({ password_hash: cheapHash(TEST_PASSWORD) }).where('id', '=', c.ids[who]).execute()
}

export const REPLY = { text: '已联系后勤，本周内修好。', channel: 'app' }
export const DISPATCH = (c: Crew) => ({ unitId: c.units.cs1, leaderId: c.ids.leader, responsibleId: c.ids.handler, deadline: dayFromToday(7) })

// ---- Item actions: for each, the item state it needs before every run, its base body, its fields ----

export const classification = {
  version,
  category: choice(CATEGORY_IDS, 'livelihood'),
  summary: text('宿舍热水器坏了', 200),
  tags: fc.oneof(
    { weight: 3, arbitrary: fc.array(text('热水器', 20), { maxLength: 2 }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom('NULL', 'null', '"', '\\', '{}', '{a,b}', 'a,b', '"a"', 'a b', '{', '}', ',', "'", 'x'.repeat(20), '热水器'), {
        minLength: 1,
        maxLength: 4,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(['a\u0000b'], ['x\ud800y'], ['x\udc00'], Array(11).fill('t'), Array(10).fill('同'), [], [1], [null], 'tag', {}, [['a']], ['']),
    },
  ),
  proposal: flag,
}
export const CLASSIFIED = { category: 'livelihood', summary: '宿舍热水器', tags: ['热水器', '宿舍'], proposal: true }

export type Next = () => Promise<{ id: string; base: Record<string, unknown> }>
export interface ActionCase {
  runs: number
  /** Runs once: the fields to draw, and what to do before each run (an item in a state the action starts from). */
  setup(c: Crew, runs: number): Promise<{ next: Next; fields: Fields }>
}

/** Fresh submitted items (version 1), one for each run, made in batches; more one by one if shrinking asks for them. */
export async function pool(c: Crew, runs: number, base: Record<string, unknown>): Promise<Next> {
  const ids: string[] = []
  for (let left = runsOf(runs); left > 0; left -= 100) ids.push(...(await c.submit(Math.min(left, 100))).map((i) => i.id))
  return async () => ({ id: ids.pop() ?? (await c.submit())[0]!.id, base: { version: 1, ...base } })
}

/**
 * One named item, reused: `ready` brings it back to a state the action starts from and answers
 * its detail after that (each action's answer is the item's detail, so nothing is read twice).
 */
export async function reused(c: Crew, ready: (id: string, d: any) => Promise<any>, base: (d: any) => Record<string, unknown>, accepted = true): Promise<Next> {
  const { id } = (await c.submit(1, true))[0]!
  if (accepted) await c.act(id, 'accept')
  return async () => {
    const d = await ready(id, await c.detail(id))
    return { id, base: { version: d.version, ...base(d) } }
  }
}
export const asIs = async (_id: string, d: any) => d

export const ACTION_CASES: Record<Action, ActionCase> = {
  accept: {
    runs: 80,
    setup: async (c, runs) => ({ next: await pool(c, runs, CLASSIFIED), fields: classification }),
  },
  classify: {
    runs: 40,
    setup: async (c) => ({ next: await reused(c, asIs, () => CLASSIFIED), fields: classification }),
  },
  decline: {
    runs: 80,
    setup: async (c, runs) => ({
      next: await pool(c, runs, { reason: '不属于工会职责范围' }),
      fields: { version, reason: text('不属于工会职责范围', 500) },
    }),
  },
  merge: {
    runs: 40,
    setup: async (c, runs) => {
      const [target, merged] = await c.submit(2)
      await c.act(merged!.id, 'merge', { into: target!.id })
      return {
        next: await pool(c, runs, { into: target!.id }),
        fields: { version, into: uuidOf([target!.id, merged!.id, c.ids.officer, c.units.cs1]) },
      }
    },
  },
  dispatch: {
    runs: 50,
    setup: async (c) => ({
      next: await reused(c, asIs, () => ({ ...DISPATCH(c), instructions: '请一周内处理' })),
      fields: {
        version,
        unitId: uuidOf([c.units.cs1, c.units.cs2, c.units.area, c.ids.handler]),
        leaderId: uuidOf([c.ids.leader, c.ids.handler, c.ids.officer]),
        responsibleId: uuidOf([c.ids.handler, c.ids.leader]),
        deadline: date(fc.oneof(fc.integer({ min: 0, max: 720 }).map(dayFromToday), nearInstant)),
        instructions: text('请一周内处理', 2000),
      },
    }),
  },
  report: {
    runs: 50,
    setup: async (c) => ({
      next: await reused(
        c,
        async (id, d) => {
          return d.assignments.some((a: any) => a.state === 'open') ? d : c.act(id, 'dispatch', DISPATCH(c), d.version)
        },
        (d) => ({ assignmentId: d.assignments.find((a: any) => a.state === 'open').id, outcome: 'completed', text: '已修好' }),
      ),
      fields: { version, assignmentId: keepOr(uuidOf([c.ids.handler, c.units.cs1])), outcome: choice(OUTCOMES, 'completed'), text: text('已修好', 2000) },
    }),
  },
  reply: {
    runs: 80,
    setup: async (c) => ({
      next: await reused(
        c,
        async (id, d) => {
          return d.status === 'replied' ? c.act(id, 'reopen', { reason: '再答复一次' }, d.version) : d
        },
        () => ({ text: '已联系后勤，本周内修好。', channel: 'face_to_face', meetingAt: dayFromToday(3), meetingPlace: '一站会议室', showName: true }),
      ),
      fields: {
        version,
        text: text('已联系后勤，本周内修好。', 2000),
        channel: choice(REPLY_CHANNELS, 'app'),
        // Written into the event's JSON, where PostgreSQL refuses an escaped NUL.
        meetingAt: new Often(date(fc.oneof(nearDay, nearInstant)), 2),
        meetingPlace: new Often(text('一站会议室', 100), 2),
        showName: flag,
      },
    }),
  },
  close: {
    runs: 40,
    setup: async (c) => ({
      next: await reused(
        c,
        async (id, d) => {
          if (d.status === 'closed') d = await c.act(id, 'reopen', { reason: '再来一次' }, d.version)
          return d.status === 'replied' ? d : c.act(id, 'reply', REPLY, d.version)
        },
        () => ({}),
      ),
      fields: { version },
    }),
  },
  reopen: {
    runs: 40,
    setup: async (c) => ({
      next: await reused(
        c,
        async (id, d) => {
          return d.status === 'accepted' ? c.act(id, 'reply', REPLY, d.version) : d
        },
        () => ({ reason: '工人不满意，重新办理' }),
      ),
      fields: { version, reason: text('工人不满意，重新办理', 500) },
    }),
  },
  note: {
    runs: 40,
    setup: async (c) => ({ next: await reused(c, asIs, () => ({ text: '已电话联系' }), false), fields: { version, text: text('已电话联系', 2000) } }),
  },
  urge: {
    runs: 40,
    setup: async (c) => ({
      next: await reused(
        c,
        async (id, d) => {
          // The gap between two presses (URGE_GAP_HOURS) is not what this property is about.
          await c.db.db.deleteFrom('suggestion_events').where('suggestion_id', '=', id).where('kind', '=', 'urge').execute()
          return d.assignments.some((a: any) => a.urgeable) ? d : c.act(id, 'dispatch', { ...DISPATCH(c), deadline: dayFromToday(1) }, d.version)
        },
        (d) => ({ assignmentId: d.assignments.find((a: any) => a.urgeable).id, text: '请尽快办理' }),
      ),
      fields: { version, assignmentId: keepOr(uuidOf([c.ids.handler, c.units.cs1])), text: text('请尽快办理', 500) },
    }),
  },
  // Only leaders give instructions: the officer of these properties is refused whatever the body.
  instruct: {
    runs: 20,
    setup: async (c) => ({ next: await reused(c, asIs, () => ({ text: '抓紧办理' }), false), fields: { text: text('抓紧办理', 2000) } }),
  },
  reveal: {
    runs: 40,
    setup: async (c) => ({
      next: await reused(c, asIs, () => ({ userId: c.ids.leader, reason: '需要当面了解情况' }), false),
      fields: { version, userId: uuidOf([c.ids.leader, c.ids.handler, c.ids.admin]), reason: text('需要当面了解情况', 500) },
    }),
  },
}

/** The inbox's filters: each drawn from valid values first, then near misses and text. */
export function itemQueryFields(c: Crew, cursors: string[]): Fields {
  const listOf = (values: readonly string[], ok: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.subarray([...values], { minLength: 1 }).map((xs) => xs.join(',')) },
      { weight: 1, arbitrary: fc.constantFrom('', ',', `${ok},,${values[1]}`, ok.toUpperCase(), `${ok} `, 'nope') },
      { weight: 1, arbitrary: text(ok, 20) },
    )
  const b64 = (s: string) => Buffer.from(s).toString('base64url')
  const someId = c.ids.officer
  const cursor = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...cursors) },
    { weight: 3, arbitrary: fc.tuple(date(nearInstant), uuidOf([someId])).map(([at, id]) => b64(`${String(at)}|${String(id)}`)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        b64(`${new Date().toISOString()}|${'-'.repeat(36)}`),
        b64(`-271821-04-20T00:00:00.000Z|${someId}`),
        b64(`+275760-09-13T00:00:00.000Z|${someId}`),
        b64(`2026-01-01T00:00:00Z|${someId}\u0000`),
        b64(`2026-01-01T00:00:00Z\u0000|${someId}`),
        b64(`2026-01-01T00:00:00Z|${someId.toUpperCase()}`),
        b64(`2026-01-01T00:00:00Z|${someId}|x`),
        b64(`x|${someId}`),
        b64('|'),
        '',
        '====',
        'a+b/c=',
        Buffer.from(`2026-01-01T00:00:00Z|${someId}`).toString('base64'),
        b64('x'.repeat(150)),
      ),
    },
    { weight: 1, arbitrary: text('', 200) },
  )
  return {
    status: listOf(STATUSES, 'submitted'),
    category: listOf(CATEGORY_IDS, 'livelihood'),
    rating: listOf(RATINGS, 'satisfied'),
    unitId: uuidOf([c.units.cs1, c.units.area, c.ids.officer]),
    entryPoint: choice(['cs1', 'CS1', 'x'.repeat(32), 'x'.repeat(33), 'a_b-c', 'a.b'], 'cs1', 32),
    from: date(nearDay),
    to: date(nearDay),
    overdue: choice(['0', '1', 'true', ''], '1', 2),
    proposal: choice(['0', '1', 'true', ''], '1', 2),
    q: choice(['%', '_', '\\', '%_%', "'", "''", '热水器', '热', 'a', '宿舍 热水器', '\u0000', '\ud800', 'x'.repeat(50), 'x'.repeat(51)], '热水器', 50),
    cursor: new Often(cursor, 3),
    limit: fc.oneof(
      fc.integer({ min: -2, max: 102 }).map(String),
      fc.constantFrom('1.5', '1e2', '0x10', ' 5', '5 ', 'Infinity', 'NaN', '2147483648', '', '٣'),
      text('10', 5),
    ),
  }
}

export const query = (fields: Fields) =>
  fc.record({ edits: edits(fields, 3), raw: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: RAW_QUERY }) })

/** A path segment: ids the route knows and their near misses, percent-encoded; or escapes written by hand. */
export const RAW_SEGMENTS = fc
  .constantFrom('%00', '%ED%A0%80', '%', '%2F', '..', '%2e%2e', '%25', '%C0%AF', '%FF', 'a%00b', '%E2%80%AE', '%20')
  .map((seg) => ({ seg, value: null as unknown }))
export function segment(known: string[]) {
  return fc.oneof(
    { weight: 5, arbitrary: uuidOf(known).map((v) => ({ seg: encode(typeof v === 'string' ? v : toJson(v)), value: v })) },
    { weight: 1, arbitrary: RAW_SEGMENTS },
  )
}
