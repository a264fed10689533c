import { Hono } from 'hono'
import { ChangePasswordSchema } from '../../shared/schemas/auth'
import { requireSession } from '../auth/middleware'
import { passwordAttempt } from '../auth/login-guard'
import { changeOwnPassword } from '../domain/credentials'
import type { AppEnv } from '../http/env'
import { json } from '../http/validate'

/** `POST /api/auth/password`: any reviewer changes their own password, knowing the current one. */
export const passwordRoute = new Hono<AppEnv>().post('/', requireSession, json(ChangePasswordSchema), async (c) => {
  const user = c.get('user')
  // A stolen session must not become a way to guess the password itself: counted before the check.
  const attempt = await passwordAttempt(c, user.id)
  await changeOwnPassword(c.get('db'), c.get('passwords'), user, c.req.valid('json'))
  await attempt.succeeded()
  return c.json({ ok: true })
})
