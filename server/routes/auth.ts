import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Me } from '../../shared/admin-api'
import { LoginSchema } from '../../shared/schemas/auth'
import { validate } from '../../shared/validation'
import { checkOrigin, requireSession, SESSION_COOKIE } from '../auth/middleware'
import { DUMMY_HASH, verifyPassword } from '../auth/passwords'
import { loginAttempt } from '../auth/login-guard'
import { createSession, deleteSession, SESSION_MAX_MS, type SessionUser } from '../auth/sessions'
import { unitRef } from '../domain/units'
import { ApiError } from '../http/api-error'
import { isHttps } from '../http/client-info'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'

/** Reviewer login, logout and the current session. */
export const authRoute = new Hono<AppEnv>()
  .post('/login', async (c) => {
    checkOrigin(c)
    const body = validate(LoginSchema, await readJson(c))
    if (!body.ok) throw new ApiError('invalid_credentials')
    const db = c.get('db')
    const { username, password } = body.value
    const attempt = await loginAttempt(c, username)
    const user = await db
      .selectFrom('users')
      .select(['id', 'password_hash', 'active'])
      .where('username', '=', username)
      .executeTakeFirst()
    // Check a hash even for unknown users, so the answer's timing does not tell who exists.
    const matches = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)
    if (!user || !matches || !user.active) throw new ApiError('invalid_credentials')
    await attempt.succeeded()
    return c.json(await openSession(c, user.id))
  })
  .post('/logout', requireSession, async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await deleteSession(c.get('db'), token)
    deleteCookie(c, SESSION_COOKIE, { path: '/api', secure: isHttps(c) })
    return c.json({ ok: true })
  })
  .get('/me', requireSession, async (c) => {
    const user = c.get('user')
    return c.json(await me(c, user.id, user.csrfToken, user))
  })

/** A new session for `userId` in a cookie, answered with who is logged in. */
export async function openSession(c: Context<AppEnv>, userId: string): Promise<Me> {
  const db = c.get('db')
  // Whatever session the browser brought is ended; the new one has a token it never saw.
  const previous = getCookie(c, SESSION_COOKIE)
  if (previous) await deleteSession(db, previous)
  const session = await createSession(db, userId)
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/api',
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  })
  return me(c, userId, session.csrfToken)
}

async function me(c: Context<AppEnv>, userId: string, csrfToken: string, known?: SessionUser): Promise<Me> {
  const db = c.get('db')
  const row = known
    ? { id: known.id, username: known.username, display_name: known.displayName, role: known.role, unit_id: known.unitId }
    : await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'unit_id']).where('id', '=', userId).executeTakeFirstOrThrow()
  const unit = await unitRef(db, row.unit_id)
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: unit ?? { id: row.unit_id, name: '', path: [] },
    csrfToken,
  }
}
