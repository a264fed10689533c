import { expect, it } from 'vitest'
import { LOGIN_LIMITS } from '../../../server/limits/policy'
import { login, sessionFrom, TEST_PASSWORD } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, outcome, type Who } from './fixtures'

const NEXT = 'my new long password'

describeEachDialect('POST /api/auth/password', ({ db }) => {
  it('lets every reviewer role change its own password: the new one works, the old one fails', async () => {
    const c = await adminCast(db())
    for (const who of ['admin', 'officer', 'handler', 'leader'] as Who[]) {
      const res = await (await c.as(who)).post('/api/auth/password', { current: TEST_PASSWORD, next: NEXT })
      expect([who, ...outcome(res)]).toEqual([who, 200, 'ok'])
      await expect(login(c.app, who, TEST_PASSWORD)).rejects.toThrow(/401/)
      expect((await login(c.app, who, NEXT)).me.username).toBe(who)
    }
  })

  it('keeps the session that changed it and ends every other one', async () => {
    const c = await adminCast(db())
    const here = await c.as('officer')
    const elsewhere = await login(c.app, 'officer')
    expect((await here.post('/api/auth/password', { current: TEST_PASSWORD, next: NEXT })).status).toBe(200)
    expect((await here.get('/api/auth/me')).status).toBe(200)
    expect(outcome(await elsewhere.get('/api/auth/me'))).toEqual([401, 'unauthenticated'])
  })

  it('refuses a wrong current password, a short new one, bad input, no session and a missing CSRF token', async () => {
    const c = await adminCast(db())
    const s = await c.as('handler1')
    const wrong = await s.post('/api/auth/password', { current: 'not my password', next: NEXT })
    expect(outcome(wrong)).toEqual([400, 'wrong_password'])
    expect(wrong.body.error.details).toEqual([{ path: 'current', code: 'wrong_password' }])
    expect(outcome(await s.post('/api/auth/password', { current: TEST_PASSWORD, next: 'short' }))).toEqual([400, 'password_too_short'])
    expect(outcome(await s.post('/api/auth/password', { next: NEXT }))).toEqual([400, 'missing_field'])
    expect(outcome(await s.post('/api/auth/password', [TEST_PASSWORD, NEXT]))).toEqual([400, 'invalid_type'])
    expect(outcome(await c.anonymous('POST', '/api/auth/password', { current: TEST_PASSWORD, next: NEXT }))).toEqual([401, 'unauthenticated'])
    expect(outcome(await sessionFrom(c.app, s.cookie, 'forged').post('/api/auth/password', { current: TEST_PASSWORD, next: NEXT }))).toEqual([
      403,
      'csrf_failed',
    ])
    // Nothing changed.
    expect((await login(c.app, 'handler1', TEST_PASSWORD)).me.username).toBe('handler1')
  })

  it(`holds password changes after ${LOGIN_LIMITS.password.max} wrong current passwords, even for the right one`, async () => {
    const c = await adminCast(db())
    const s = await c.as('leader')
    for (let i = 0; i < LOGIN_LIMITS.password.max; i++) {
      expect(outcome(await s.post('/api/auth/password', { current: `guess number ${i}`, next: NEXT }))).toEqual([400, 'wrong_password'])
    }
    const blocked = await s.post('/api/auth/password', { current: TEST_PASSWORD, next: NEXT })
    expect(outcome(blocked)).toEqual([429, 'password_change_paused'])
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('counts before checking: of 30 parallel wrong passwords only 5 are checked', async () => {
    const c = await adminCast(db())
    const s = await c.as('officer')
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => s.post('/api/auth/password', { current: `guess number ${i}`, next: NEXT })))
    const codes = answers.map((a) => outcome(a)[1])
    expect(codes.filter((c) => c === 'wrong_password')).toHaveLength(LOGIN_LIMITS.password.max)
    expect(codes.filter((c) => c === 'password_change_paused')).toHaveLength(30 - LOGIN_LIMITS.password.max)
  })
})
