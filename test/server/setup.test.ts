import { expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { SetupToken } from '../../server/auth/setup-token'
import { createUser, send } from '../helpers/admin'
import { describeEachDialect } from '../helpers/test-db'

const ORIGIN = { origin: 'http://localhost', host: 'localhost' }
const FIRST = { username: 'Admin', displayName: '管理员', password: 'a long first password' }

describeEachDialect('POST /api/setup (the first admin, from the one-time link)', ({ db }) => {
  it('creates the first admin at the top of the tree, logs it in, and spends the link', async () => {
    const token = new SetupToken()
    const app = createApp({ db: db().db, dialect: db().dialect, setupToken: token })
    const wrong = await send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, token: 'not-the-token' })
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'setup_token_invalid'])
    const made = await send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, token: token.value })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ username: 'admin', displayName: '管理员', role: 'admin', unit: { path: ['艾家湾采油作业区'] } })
    const cookie = made.headers.get('set-cookie')!.split(';')[0]!
    expect((await send(app, 'GET', '/api/auth/me', { cookie })).body.username).toBe('admin')
    const stored = await db().db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$/)
    // Spent: the same link again does nothing.
    expect((await send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, username: 'second', token: 'x' })).status).toBe(403)
    expect(token.value).toBeNull()
  })

  it('refuses once an admin exists, without a link, from another site, and bad input', async () => {
    const token = new SetupToken()
    const app = createApp({ db: db().db, dialect: db().dialect, setupToken: token })
    expect((await send(app, 'POST', '/api/setup', { origin: 'https://evil.example', host: 'localhost' }, { ...FIRST, token: token.value })).status).toBe(403)
    const short = await send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, password: 'short', token: token.value })
    expect([short.status, short.body.error.code]).toEqual([400, 'password_too_short'])
    await createUser(db().db, 'boss', 'admin')
    const late = await send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, token: token.value })
    expect([late.status, late.body.error.code]).toEqual([409, 'setup_done'])
    const none = createApp({ db: db().db, dialect: db().dialect })
    expect((await send(none, 'POST', '/api/setup', ORIGIN, { ...FIRST, token: 'anything' })).status).toBe(403)
  })

  it('makes one admin of two setups at once', async () => {
    const token = new SetupToken()
    const app = createApp({ db: db().db, dialect: db().dialect, setupToken: token })
    const value = token.value
    const [a, b] = await Promise.all([
      send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, username: 'first', token: value }),
      send(app, 'POST', '/api/setup', ORIGIN, { ...FIRST, username: 'other', token: value }),
    ])
    // One is created; the other finds it there (409) or the link already spent (403).
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1)
    expect([a.status, b.status].filter((s) => s !== 201)[0]).toBeOneOf([403, 409])
    expect(await db().db.selectFrom('users').select('username').where('role', '=', 'admin').execute()).toHaveLength(1)
  })
})
