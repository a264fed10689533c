import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Me } from '../../shared/admin-api'
import { LoginSchema } from '../../shared/schemas/auth'
import { requireSession, sameOrigin, SESSION_COOKIE } from '../auth/middleware'
import { loginAttempt } from '../auth/login-guard'
import { createSession, deleteSession, SESSION_MAX_MS } from '../auth/sessions'
import { checkLogin, whoAmI } from '../domain/credentials'
import { ApiError } from '../http/api-error'
import { isHttps } from '../http/client-info'
import type { AppEnv } from '../http/env'
import { json } from '../http/validate'

/** Reviewer login, logout and the current session. */
export const authRoute = new Hono<AppEnv>()
  // A malformed login says no more than a wrong password does.
  .post('/login', sameOrigin, json(LoginSchema, { refuse: 'invalid_credentials' }), async (c) => {
    const { username, password } = c.req.valid('json')
    const attempt = await loginAttempt(c, username)
    const id = await checkLogin(c.get('db'), c.get('passwords'), username, password)
    if (!id) throw new ApiError('invalid_credentials')
    await attempt.succeeded()
    return c.json(await openSession(c, id))
  })
  .post('/logout', requireSession, async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await deleteSession(c.get('db'), token)
    deleteCookie(c, SESSION_COOKIE, { path: '/api', secure: isHttps(c) })
    return c.json({ ok: true })
  })
  .get('/me', requireSession, async (c) => {
    const user = c.get('user')
    return c.json(await whoAmI(c.get('db'), user.id, user.csrfToken, user))
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
  return whoAmI(db, userId, session.csrfToken)
}
