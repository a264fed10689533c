import { Hono } from 'hono'
import { ChangePasswordSchema } from '../../shared/schemas/auth'
import { validate } from '../../shared/validation'
import { requireSession } from '../auth/middleware'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { passwordAttempt } from '../auth/login-guard'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'
import { invalid } from '../http/uuid-param'

/** `POST /api/auth/password`: any reviewer changes their own password, knowing the current one. */
export const passwordRoute = new Hono<AppEnv>().post('/', requireSession, async (c) => {
  const db = c.get('db')
  const user = c.get('user')
  const body = validate(ChangePasswordSchema, await readJson(c))
  if (!body.ok) throw invalid(body.errors)
  // A stolen session must not become a way to guess the password itself: counted before the check.
  const attempt = await passwordAttempt(c, user.id)
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()
  if (!(await verifyPassword(body.value.current, row.password_hash))) {
    throw new ApiError('wrong_password', [{ path: 'current', code: 'wrong_password' }])
  }
  const passwordHash = await hashPassword(body.value.next)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', user.id).execute()
    // Every other session ends. Each session has its own random CSRF token, so it names this one
    // without re-hashing the cookie.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('csrf_token', '!=', user.csrfToken).execute()
  })
  await attempt.succeeded()
  return c.json({ ok: true })
})
