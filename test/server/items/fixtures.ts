import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../server/db/schema'
import { workerItem } from '../../helpers/worker-item'
import { todayInChina } from '../../../shared/time'
import { SESSION_COOKIE } from '../../../server/auth/middleware'
import { createSession } from '../../../server/auth/sessions'
import { createUser, sessionFrom, unitId, type Session } from '../../helpers/admin'
import { postJson, testApp } from '../../helpers/test-app'
import type { TestDb } from '../../helpers/test-db'

/** A day `n` days from today in China, `YYYY-MM-DD`. */
export function dayFromToday(n: number): string {
  return todayInChina(new Date(Date.now() + n * 24 * 3600_000))
}

/** The cast of the union's loop on the demo organisation, each with a session; made once per file. */
export function cast(db: TestDb) {
  return db.perFile('cast', ['users', 'sessions'], () => makeCast(db))
}

async function makeCast(db: TestDb) {
  const app = testApp(db)
  const [officer, leader, handler1, handler2, admin, officer2] = await Promise.all([
    createUser(db.db, 'officer', 'officer', '艾家湾采油作业区', '工会干事小王'),
    createUser(db.db, 'leader', 'leader', '艾家湾采油作业区', '李主任'),
    createUser(db.db, 'handler1', 'handler', '第一中心站', '一站站长'),
    createUser(db.db, 'handler2', 'handler', '第二中心站', '二站站长'),
    createUser(db.db, 'admin', 'admin', '艾家湾采油作业区'),
    createUser(db.db, 'officer2', 'officer', '第二中心站', '二站工会组长'),
  ])
  const ids = { officer, leader, handler1, handler2, admin, officer2 }
  const names = ['officer', 'leader', 'handler1', 'handler2', 'admin', 'officer2'] as const
  // Sessions made in the database (a login through the app is login.test.ts's business).
  const made = await Promise.all(names.map((n) => createSession(db.db, ids[n].id)))
  const sessions = Object.fromEntries(names.map((n, i) => [n, sessionFrom(app, `${SESSION_COOKIE}=${made[i]!.token}`, made[i]!.csrfToken)])) as Record<(typeof names)[number], Session>
  const units = {
    cs1: await unitId(db.db, '第一中心站'),
    cs2: await unitId(db.db, '第二中心站'),
    office: await unitId(db.db, '综合办公室'),
  }
  /** Submits an item as a worker would and returns its id and follow-up code. */
  async function submit(content = '宿舍的热水器坏了一个星期了', extra: Record<string, unknown> = {}) {
    const item = { ...workerItem(content), ...extra }
    const res = await postJson(app, '/api/suggestions', { items: [item] })
    if (res.status !== 201) throw new Error(`submit failed: ${JSON.stringify(res.body)}`)
    return { id: item.id, code: item.followUpCode }
  }
  /** Runs an action with the version the reviewer currently sees. */
  async function act(session: Session, id: string, action: string, body: Record<string, unknown> = {}) {
    const seen = await session.get(`/api/admin/items/${id}`)
    return session.post(`/api/admin/items/${id}/${action}`, { version: seen.body.version, ...body })
  }
  const track = async (code: string) => (await postJson(app, '/api/track', { codes: [code] })).body.results[0].item
  return { app, ids, sessions, units, submit, act, track }
}

export type Cast = Awaited<ReturnType<typeof makeCast>>

/** Items whose kept earliest open deadline (migration 25) is not the earliest deadline of their open dispatches. */
export async function openDeadlinesAstray(d: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from suggestions s
    where s.open_deadline is distinct from (select min(a.deadline) from assignments a where a.suggestion_id = s.id and a.state = 'open')`.execute(d)
  return Number(rows[0]!.n)
}
