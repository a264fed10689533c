import type { Role } from '../../../shared/roles'
import { SESSION_COOKIE } from '../../../server/auth/middleware'
import { createSession } from '../../../server/auth/sessions'
import { createUser, send, sessionFrom, unitId, type Session } from '../../helpers/admin'
import { testApp, type Reply } from '../../helpers/test-app'
import type { TestDb } from '../../helpers/test-db'

/**
 * The people of the administration tests on the demo organisation. `admin1` and `officer1`
 * administer the first central station only; `handler2` belongs to the second, outside it.
 */
const PEOPLE = {
  admin: ['admin', '艾家湾采油作业区'],
  officer: ['officer', '艾家湾采油作业区'],
  leader: ['leader', '艾家湾采油作业区'],
  handler: ['handler', '综合办公室'],
  admin1: ['admin', '第一中心站'],
  officer1: ['officer', '第一中心站'],
  handler1: ['handler', '艾一站'],
  handler2: ['handler', '第二中心站'],
} as const satisfies Record<string, readonly [Role, string]>

export type Who = keyof typeof PEOPLE
export const ROLE_OF: Record<Who, Role> = Object.fromEntries(Object.entries(PEOPLE).map(([w, [r]]) => [w, r])) as Record<Who, Role>

const SAME_ORIGIN = { origin: 'http://localhost', host: 'localhost' }

/** The accounts, their sessions and the demo units, made once per file (see `TestDb.perFile`). */
export function adminCast(db: TestDb) {
  return db.perFile('adminCast', ['users', 'sessions'], async () => {
    const app = testApp(db)
    const people = Object.keys(PEOPLE) as Who[]
    const entries = await Promise.all(people.map(async (w) => [w, await createUser(db.db, w, PEOPLE[w][0], PEOPLE[w][1], `${w} 的名字`)] as const))
    const ids = Object.fromEntries(entries) as Record<Who, { id: string; username: string }>
    // Sessions made in the database (a login through the app is login.test.ts's business).
    const sessions = Object.fromEntries(
      await Promise.all(
        people.map(async (w) => {
          const s = await createSession(db.db, ids[w].id)
          return [w, sessionFrom(app, `${SESSION_COOKIE}=${s.token}`, s.csrfToken)] as const
        }),
      ),
    ) as Record<Who, Session>
    const as = async (who: Who) => sessions[who]
    const units = {
      area: await unitId(db.db, '艾家湾采油作业区'),
      office: await unitId(db.db, '综合办公室'),
      cs1: await unitId(db.db, '第一中心站'),
      cs2: await unitId(db.db, '第二中心站'),
      s1: await unitId(db.db, '艾一站'),
      s7: await unitId(db.db, '艾七站'),
    }
    /** A request without any session, from our own origin. */
    const anonymous = (method: string, path: string, body?: unknown) =>
      send(app, method, path, SAME_ORIGIN, body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}))
    return { app, db, ids, units, as, anonymous }
  })
}

export type AdminCast = Awaited<ReturnType<typeof adminCast>>

/** `[status, code]` of a reply, for one-line expectations. */
export const outcome = (r: Reply) => [r.status, r.status >= 400 ? r.body?.error?.code : 'ok'] as const

export const NOT_A_UUID = 'not-a-uuid'
export const UNKNOWN_ID = '0190a4b2-0000-7000-8000-000000000000'
