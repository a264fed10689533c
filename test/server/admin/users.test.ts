import { expect, it } from 'vitest'
import { login, send, sessionFrom, TEST_PASSWORD } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, NOT_A_UUID, outcome, UNKNOWN_ID, type Who } from './fixtures'

const NEW_PASSWORD = 'a fresh password'

describeEachDialect('/api/admin/users', ({ db }) => {
  it('lists every account of the subtree to an admin, with account details', async () => {
    const c = await adminCast(db())
    const all = await (await c.as('admin')).get('/api/admin/users')
    expect(all.status).toBe(200)
    expect(all.body.map((u: any) => u.username)).toEqual(['admin', 'admin1', 'handler', 'handler1', 'handler2', 'leader', 'officer', 'officer1'])
    expect(all.body.find((u: any) => u.username === 'handler1')).toMatchObject({
      displayName: 'handler1 的名字',
      role: 'handler',
      active: true,
      unit: { id: c.units.s1, name: '艾一站', path: ['艾家湾采油作业区', '第一中心站', '艾一站'] },
    })
    expect(Object.keys(all.body[0]).sort()).toEqual(['active', 'createdAt', 'displayName', 'id', 'role', 'unit', 'username'])
    // The first central station's admin sees nobody from above it or from the second station.
    const own = await (await c.as('admin1')).get('/api/admin/users')
    expect(own.body.map((u: any) => u.username)).toEqual(['admin1', 'handler1', 'officer1'])
  })

  it('lists to an officer the active non-admin people of its subtree, without account details', async () => {
    const c = await adminCast(db())
    await (await c.as('admin')).patch(`/api/admin/users/${c.ids.handler1.id}`, { active: false })
    const res = await (await c.as('officer1')).get('/api/admin/users')
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      { id: c.ids.officer1.id, displayName: 'officer1 的名字', role: 'officer', unit: expect.objectContaining({ name: '第一中心站' }) },
    ])
  })

  it('filters by role and by unit (its subtree), refusing bad filters', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const handlers = await admin.get('/api/admin/users?role=handler')
    expect(handlers.body.map((u: any) => u.username)).toEqual(['handler', 'handler1', 'handler2'])
    const cs1 = await admin.get(`/api/admin/users?unitId=${c.units.cs1}&role=handler`)
    expect(cs1.body.map((u: any) => u.username)).toEqual(['handler1'])
    expect(outcome(await admin.get('/api/admin/users?role=boss'))).toEqual([400, 'invalid_query'])
    expect(outcome(await admin.get('/api/admin/users?unitId=nope'))).toEqual([400, 'invalid_query'])
    expect(outcome(await admin.get('/api/admin/users?sort=name'))).toEqual([400, 'invalid_query'])
    // A unit outside the scope is answered like one that does not exist.
    const admin1 = await c.as('admin1')
    expect(outcome(await admin1.get(`/api/admin/users?unitId=${c.units.cs2}`))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.get(`/api/admin/users?unitId=${UNKNOWN_ID}`))).toEqual([422, 'unit_not_found'])
  })

  it('refuses the list to handlers and leaders (403) and to no session (401)', async () => {
    const c = await adminCast(db())
    for (const who of ['handler', 'leader'] as Who[]) expect(outcome(await (await c.as(who)).get('/api/admin/users'))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('GET', '/api/admin/users'))).toEqual([401, 'unauthenticated'])
  })

  it('creates an account in the admin subtree that can log in at once', async () => {
    const c = await adminCast(db())
    const res = await (await c.as('admin1')).post('/api/admin/users', {
      username: ' Zhang.San ',
      displayName: '张三',
      role: 'handler',
      unitId: c.units.s1,
      password: NEW_PASSWORD,
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ username: 'zhang.san', displayName: '张三', role: 'handler', active: true, unit: { id: c.units.s1 } })
    const stored = await db().db.selectFrom('users').select('password_hash').where('username', '=', 'zhang.san').executeTakeFirstOrThrow()
    // Hashed by the app's hasher: the test app's cheap one (the default's full cost: setup.test.ts).
    expect(stored.password_hash).toMatch(/^scrypt\$16\$8\$1\$/)
    expect((await login(c.app, 'zhang.san', NEW_PASSWORD)).me.role).toBe('handler')
  })

  it('refuses to create: other roles 403, no session 401, unit out of scope 422, taken username 409, bad input 400', async () => {
    const c = await adminCast(db())
    const body = { username: 'lisi', displayName: '李四', role: 'officer', unitId: c.units.cs1, password: NEW_PASSWORD }
    for (const who of ['officer', 'leader', 'handler', 'officer1'] as Who[]) {
      expect(outcome(await (await c.as(who)).post('/api/admin/users', body))).toEqual([403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('POST', '/api/admin/users', body))).toEqual([401, 'unauthenticated'])
    const admin1 = await c.as('admin1')
    expect(outcome(await admin1.post('/api/admin/users', { ...body, unitId: c.units.cs2 }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.post('/api/admin/users', { ...body, unitId: UNKNOWN_ID }))).toEqual([422, 'unit_not_found'])
    // Usernames are global: one outside the scope is taken as well.
    const taken = await admin1.post('/api/admin/users', { ...body, username: 'HANDLER2' })
    expect(outcome(taken)).toEqual([409, 'username_taken'])
    expect(taken.body.error.details).toEqual([{ path: 'username', code: 'username_taken' }])
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...body, username: '张三' }, 'invalid_username'],
      [{ ...body, password: 'short' }, 'password_too_short'],
      [{ ...body, role: 'boss' }, 'invalid_role'],
      [{ ...body, displayName: '  ' }, 'text_required'],
      [{ ...body, unitId: 'x' }, 'invalid_request'],
      [{ ...body, extra: 1 }, 'unknown_field'],
      [{ username: 'lisi' }, 'missing_field'],
    ]
    for (const [input, code] of bad) expect(outcome(await admin1.post('/api/admin/users', input))).toEqual([400, code])
    expect(outcome(await admin1.post('/api/admin/users', '{'))).toEqual([400, 'invalid_json'])
    expect(await db().db.selectFrom('users').select('username').where('username', '=', 'lisi').execute()).toEqual([])
  })

  it('refuses a write without the CSRF token or from another origin', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const body = { username: 'lisi', displayName: '李四', role: 'officer', unitId: c.units.cs1, password: NEW_PASSWORD }
    expect(outcome(await sessionFrom(c.app, admin.cookie, 'wrong-token').post('/api/admin/users', body))).toEqual([403, 'csrf_failed'])
    const foreign = await send(c.app, 'POST', '/api/admin/users', { cookie: admin.cookie, origin: 'http://evil.example', host: 'localhost', 'x-csrf-token': admin.csrf }, body)
    expect(outcome(foreign)).toEqual([403, 'csrf_failed'])
  })

  it('updates name, role and unit; a user out of scope or unknown is 404', async () => {
    const c = await adminCast(db())
    const admin1 = await c.as('admin1')
    const res = await admin1.patch(`/api/admin/users/${c.ids.handler1.id}`, { displayName: '一站新站长', role: 'leader', unitId: c.units.cs1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ displayName: '一站新站长', role: 'leader', unit: { id: c.units.cs1 } })
    // An id in capitals is the same id (the one shared UUID check is case-blind).
    const upper = await admin1.patch(`/api/admin/users/${c.ids.handler1.id.toUpperCase()}`, { displayName: '一站站长' })
    expect([upper.status, upper.body.id, upper.body.displayName]).toEqual([200, c.ids.handler1.id, '一站站长'])
    expect(outcome(await admin1.patch(`/api/admin/users/${c.ids.handler2.id}`, { displayName: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/users/${c.ids.admin.id}`, { active: false }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/users/${UNKNOWN_ID}`, { displayName: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/users/${NOT_A_UUID}`, { displayName: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/users/${c.ids.officer1.id}`, { unitId: c.units.cs2 }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.patch(`/api/admin/users/${c.ids.officer1.id}`, { role: 'king' }))).toEqual([400, 'invalid_role'])
    expect(outcome(await admin1.patch(`/api/admin/users/${c.ids.officer1.id}`, { username: 'x' }))).toEqual([400, 'unknown_field'])
    const handler2 = await db().db.selectFrom('users').select('display_name').where('id', '=', c.ids.handler2.id).executeTakeFirstOrThrow()
    expect(handler2.display_name).toBe('handler2 的名字')
  })

  it('refuses updates to other roles (403) and to no session (401)', async () => {
    const c = await adminCast(db())
    const path = `/api/admin/users/${c.ids.handler1.id}`
    for (const who of ['officer', 'leader', 'handler', 'officer1', 'handler1'] as Who[]) {
      expect(outcome(await (await c.as(who)).patch(path, { displayName: 'x' }))).toEqual([403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('PATCH', path, { displayName: 'x' }))).toEqual([401, 'unauthenticated'])
  })

  it('does not let an admin disable, demote or move themselves, but lets them rename', async () => {
    const c = await adminCast(db())
    const admin1 = await c.as('admin1')
    const self = `/api/admin/users/${c.ids.admin1.id}`
    expect(outcome(await admin1.patch(self, { active: false }))).toEqual([409, 'cannot_change_self'])
    expect(outcome(await admin1.patch(self, { role: 'officer' }))).toEqual([409, 'cannot_change_self'])
    expect(outcome(await admin1.patch(self, { unitId: c.units.s1 }))).toEqual([409, 'cannot_change_self'])
    expect(outcome(await admin1.patch(self, { displayName: '一站管理员', role: 'admin', active: true }))).toEqual([200, 'ok'])
  })

  it('disabling an account ends its sessions: its next request is 401 and it cannot log in', async () => {
    const c = await adminCast(db())
    const handler1 = await c.as('handler1')
    expect((await handler1.get('/api/auth/me')).status).toBe(200)
    expect((await (await c.as('admin1')).patch(`/api/admin/users/${c.ids.handler1.id}`, { active: false })).body.active).toBe(false)
    expect(outcome(await handler1.get('/api/auth/me'))).toEqual([401, 'unauthenticated'])
    await expect(login(c.app, 'handler1')).rejects.toThrow(/401/)
    // Enabled again, the old password works again.
    await (await c.as('admin1')).patch(`/api/admin/users/${c.ids.handler1.id}`, { active: true })
    expect((await login(c.app, 'handler1')).me.username).toBe('handler1')
  })

  it('a password reset ends the sessions; the new password works and the old one fails', async () => {
    const c = await adminCast(db())
    const officer1 = await c.as('officer1')
    const res = await (await c.as('admin')).patch(`/api/admin/users/${c.ids.officer1.id}`, { password: NEW_PASSWORD })
    expect(res.status).toBe(200)
    expect(outcome(await officer1.get('/api/auth/me'))).toEqual([401, 'unauthenticated'])
    await expect(login(c.app, 'officer1', TEST_PASSWORD)).rejects.toThrow(/401/)
    expect((await login(c.app, 'officer1', NEW_PASSWORD)).me.username).toBe('officer1')
  })
})
