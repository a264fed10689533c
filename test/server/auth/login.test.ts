import { expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { LOGIN_LIMITS } from '../../../server/limits/policy'
import { createUser, login, send, sessionFrom, TEST_PASSWORD } from '../../helpers/admin'
import { testApp } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'

const SAME_ORIGIN = { origin: 'http://localhost', host: 'localhost' }
const attempt = (app: ReturnType<typeof testApp>, username: string, password: string, headers: Record<string, string> = {}) =>
  send(app, 'POST', '/api/auth/login', { ...SAME_ORIGIN, ...headers }, { username, password })

describeEachDialect('reviewer login and sessions', ({ db }) => {
  it('logs in with the right password: httpOnly SameSite cookie, the user and a CSRF token', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer', '艾家湾采油作业区', '小王')
    const res = await attempt(app, ' Wang ', TEST_PASSWORD)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ username: 'wang', displayName: '小王', role: 'officer', unit: { name: '艾家湾采油作业区', path: ['艾家湾采油作业区'] } })
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^yj_session=[A-Za-z0-9_-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(cookie).toMatch(/Path=\/api/)
    expect(cookie).not.toMatch(/Secure/i)
    // Only a hash of the token is stored.
    const token = cookie.split(';')[0]!.split('=')[1]!
    const stored = await db().db.selectFrom('sessions').select('token_hash').execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(token)
  })

  it('marks the cookie Secure under HTTPS', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const res = await app.request('https://yijian.example.com/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://yijian.example.com', host: 'yijian.example.com' },
      body: JSON.stringify({ username: 'wang', password: TEST_PASSWORD }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('answers a wrong password and an unknown user the same way', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const wrong = await attempt(app, 'wang', 'not the password')
    const unknown = await attempt(app, 'nobody', 'not the password')
    expect([wrong.status, wrong.body]).toEqual([401, { error: { code: 'invalid_credentials', message: '用户名或密码不正确。' } }])
    expect([unknown.status, unknown.body]).toEqual([wrong.status, wrong.body])
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  // A fixed clock in the middle of a window: Retry-After is then known to the second.
  const WINDOW = LOGIN_LIMITS.pair.windowMs
  const clock = () => 2000 * WINDOW + WINDOW / 3
  const proxied = () => createApp({ db: db().db, dialect: db().dialect, network: { trustProxy: 1 }, clock })
  const from = (address: string) => ({ 'x-forwarded-for': address })

  it(`holds a username from one address after ${LOGIN_LIMITS.pair.max} failures, even for the right password, and says until when`, async () => {
    const app = proxied()
    await createUser(db().db, 'wang', 'officer')
    for (let i = 0; i < LOGIN_LIMITS.pair.max; i++) expect((await attempt(app, 'wang', `guess-${i}`, from('10.0.0.9'))).status).toBe(401)
    const blocked = await attempt(app, 'wang', TEST_PASSWORD, from('10.0.0.9'))
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'too_many_attempts'])
    expect(Number(blocked.headers.get('retry-after'))).toBe(Math.ceil((WINDOW * 2 / 3) / 1000))
    // Not locked out from elsewhere: the owner at another address logs in; another account is untouched.
    expect((await attempt(app, 'wang', TEST_PASSWORD, from('10.0.0.1'))).status).toBe(200)
    await createUser(db().db, 'li', 'handler')
    expect((await attempt(app, 'li', TEST_PASSWORD, from('10.0.0.9'))).status).toBe(200)
  })

  it(`holds a username tried from many addresses after ${LOGIN_LIMITS.user.max} attempts in all`, async () => {
    const app = proxied()
    await createUser(db().db, 'wang', 'officer')
    for (let i = 0; i < LOGIN_LIMITS.user.max; i++) expect((await attempt(app, 'wang', `guess-${i}`, from(`10.1.${i}.7`))).status).toBe(401)
    const blocked = await attempt(app, 'wang', TEST_PASSWORD, from('10.2.0.1'))
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'login_paused_account'])
    expect(blocked.body.error.message).toContain('系统管理员')
  })

  it(`holds one address after ${LOGIN_LIMITS.address.max} failures across usernames`, async () => {
    const app = proxied()
    await createUser(db().db, 'wang', 'officer')
    for (let i = 0; i < LOGIN_LIMITS.address.max; i++) {
      await createUser(db().db, `user${i}`, 'handler')
      expect((await attempt(app, `user${i}`, 'guess-guess', from('10.3.0.1'))).status).toBe(401)
    }
    const blocked = await attempt(app, 'wang', TEST_PASSWORD, from('10.3.0.1'))
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'login_paused_address'])
    expect((await attempt(app, 'wang', TEST_PASSWORD, from('10.3.0.2'))).status).toBe(200)
  })

  it('counts a guess before checking it: of 40 parallel guesses only the first 5 are checked', async () => {
    const app = proxied()
    await createUser(db().db, 'wang', 'officer')
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(app, 'wang', i === 39 ? TEST_PASSWORD : `guess-${i}`, from('10.4.0.1'))),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 429)).toHaveLength(35)
    expect(statuses.filter((s) => s !== 429)).toHaveLength(LOGIN_LIMITS.pair.max)
    expect((await attempt(app, 'wang', TEST_PASSWORD, from('10.4.0.1'))).status).toBe(429)
  })

  it('does not count a login that succeeds, and forgives the failures before it', async () => {
    const app = proxied()
    await createUser(db().db, 'wang', 'officer')
    for (let i = 0; i < LOGIN_LIMITS.pair.max - 1; i++) await attempt(app, 'wang', `guess-${i}`, from('10.5.0.1'))
    expect((await attempt(app, 'wang', TEST_PASSWORD, from('10.5.0.1'))).status).toBe(200)
    for (let i = 0; i < LOGIN_LIMITS.pair.max; i++) expect((await attempt(app, 'wang', `again-${i}`, from('10.5.0.1'))).status).toBe(401)
    expect((await attempt(app, 'wang', 'one more', from('10.5.0.1'))).status).toBe(429)
  })

  it('refuses a disabled account', async () => {
    const app = testApp(db())
    const user = await createUser(db().db, 'wang', 'officer')
    await db().db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute()
    expect((await attempt(app, 'wang', TEST_PASSWORD)).status).toBe(401)
  })

  it('never keeps a session id the browser brought (no fixation), and ends it', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const first = await login(app, 'wang')
    const second = await send(app, 'POST', '/api/auth/login', { ...SAME_ORIGIN, cookie: first.cookie }, { username: 'wang', password: TEST_PASSWORD })
    const secondCookie = second.headers.get('set-cookie')!.split(';')[0]!
    expect(secondCookie).not.toBe(first.cookie)
    expect((await first.get('/api/auth/me')).status).toBe(401)
    const planted = await send(app, 'POST', '/api/auth/login', { ...SAME_ORIGIN, cookie: 'yj_session=attacker-chosen-token-value-123456' }, { username: 'wang', password: TEST_PASSWORD })
    expect(planted.headers.get('set-cookie')).not.toContain('attacker-chosen')
  })

  it('logs out: the session no longer works', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const s = await login(app, 'wang')
    expect((await s.get('/api/auth/me')).body.username).toBe('wang')
    const out = await s.post('/api/auth/logout')
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/yj_session=;/)
    expect((await s.get('/api/auth/me')).status).toBe(401)
  })

  it('ends idle and expired sessions', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const s = await login(app, 'wang')
    await db().db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 13 * 3600_000) }).execute()
    expect((await s.get('/api/auth/me')).status).toBe(401)
    const t = await login(app, 'wang')
    await db().db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute()
    expect((await t.get('/api/auth/me')).status).toBe(401)
  })

  it('ends the sessions of a user who is disabled', async () => {
    const app = testApp(db())
    const user = await createUser(db().db, 'wang', 'officer')
    const s = await login(app, 'wang')
    await db().db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute()
    expect((await s.get('/api/auth/me')).status).toBe(401)
  })

  it('refuses writes from another origin, without the CSRF token, or with no origin at all', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const s = await login(app, 'wang')
    const body = { text: 'x' }
    const evil = await send(app, 'POST', '/api/auth/logout', { cookie: s.cookie, origin: 'https://evil.example', host: 'localhost', 'x-csrf-token': s.csrf }, body)
    expect([evil.status, evil.body.error.code]).toEqual([403, 'csrf_failed'])
    const noToken = await send(app, 'POST', '/api/auth/logout', { cookie: s.cookie, ...SAME_ORIGIN }, body)
    expect([noToken.status, noToken.body.error.code]).toEqual([403, 'csrf_failed'])
    const wrongToken = await sessionFrom(app, s.cookie, 'forged-token').post('/api/auth/logout')
    expect(wrongToken.status).toBe(403)
    const noOrigin = await send(app, 'POST', '/api/auth/logout', { cookie: s.cookie, 'x-csrf-token': s.csrf }, body)
    expect(noOrigin.status).toBe(403)
    const sameSite = await send(app, 'POST', '/api/auth/logout', { cookie: s.cookie, 'x-csrf-token': s.csrf, 'sec-fetch-site': 'same-origin' }, body)
    expect(sameSite.status).toBe(200)
    const crossLogin = await attempt(app, 'wang', TEST_PASSWORD, { origin: 'https://evil.example' })
    expect(crossLogin.status).toBe(403)
  })

  it('answers without a session with 401 and a message', async () => {
    const res = await send(testApp(db()), 'GET', '/api/auth/me', { 'accept-language': 'en' })
    expect([res.status, res.body]).toEqual([401, { error: { code: 'unauthenticated', message: 'Please log in.' } }])
  })
})
