import type { Kysely } from 'kysely'
import type { Role } from '../../shared/roles'
import { hashPassword } from '../../server/auth/passwords'
import type { Database } from '../../server/db/schema'
import { send, type Reply, type testApp } from './test-app'

export { send }

export const TEST_PASSWORD = 'correct horse battery'
const ORIGIN = 'http://localhost'
let cachedHash: Promise<string> | undefined

/** The id of the demo unit called `name`. */
export async function unitId(db: Kysely<Database>, name: string): Promise<string> {
  return (await db.selectFrom('org_units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
}

/** scrypt at its lowest cost: a test's logins check quickly (the app always hashes at PASSWORD_COST). */
export const TEST_COST = { N: 16, r: 8, p: 1 }

/** Inserts a reviewer (password TEST_PASSWORD, hashed cheaply and once per file to keep tests quick). */
export async function createUser(
  db: Kysely<Database>,
  username: string,
  role: Role,
  unitName = '艾家湾采油作业区',
  displayName = username,
): Promise<{ id: string; username: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD, TEST_COST)
  const row = await db
    .insertInto('users')
    .values({ username, display_name: displayName, role, unit_id: await unitId(db, unitName), password_hash: await cachedHash })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, username }
}

/** A logged-in reviewer's browser: sends the session cookie, our Origin and the CSRF token. */
export interface Session {
  cookie: string
  csrf: string
  me: any
  get(path: string): Promise<Reply>
  post(path: string, body?: unknown): Promise<Reply>
  patch(path: string, body?: unknown): Promise<Reply>
  put(path: string, body?: unknown): Promise<Reply>
  delete(path: string): Promise<Reply>
}

type App = ReturnType<typeof testApp>

export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await send(app, 'POST', '/api/auth/login', { origin: ORIGIN, host: 'localhost' }, { username, password })
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  return sessionFrom(app, cookie, res.body.csrfToken, res.body)
}

export function sessionFrom(app: App, cookie: string, csrf: string, me: unknown = null): Session {
  const headers = { cookie, origin: ORIGIN, host: 'localhost', 'x-csrf-token': csrf }
  return {
    cookie,
    csrf,
    me,
    get: (path) => send(app, 'GET', path, { cookie }),
    post: (path, body = {}) => send(app, 'POST', path, headers, body),
    patch: (path, body = {}) => send(app, 'PATCH', path, headers, body),
    put: (path, body = {}) => send(app, 'PUT', path, headers, body),
    delete: (path) => send(app, 'DELETE', path, headers),
  }
}
