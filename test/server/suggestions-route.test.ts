import { workerItem } from '../helpers/worker-item'
import { expect, it } from 'vitest'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { LIMITS } from '../../shared/limits'
import { describeEachDialect } from '../helpers/test-db'
import { postJson, testApp } from '../helpers/test-app'

function item(overrides: Record<string, unknown> = {}) {
  return { ...workerItem('食堂晚饭能不能多一个素菜？'), ...overrides }
}

describeEachDialect('POST /api/suggestions', ({ db }) => {
  const count = async (table: 'suggestions' | 'suggestion_events' = 'suggestions') =>
    Number((await db().db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it('stores an anonymous item with its submit event, and no identity anywhere', async () => {
    const app = testApp(db())
    const one = item()
    const res = await postJson(app, '/api/suggestions', { items: [one] }, {
      'user-agent': 'Mozilla/5.0 (Linux; Android 9) MicroMessenger/8.0',
      'x-forwarded-for': '10.1.2.3',
      'x-real-ip': '10.1.2.3',
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ results: [{ id: one.id, result: 'created', status: 201, receivedAt: expect.any(String), number: expect.stringMatching(/^YJ-\d{4}-0001$/) }] })
    const rows = await db().db.selectFrom('suggestions').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      id: one.id,
      status: 'submitted',
      anonymous: true,
      submitter_name: null,
      submitter_employee_no: null,
      submitter_phone: null,
    })
    // Nothing about the request is kept: no address, no user agent, not even the code itself.
    const everything = JSON.stringify(await db().db.selectFrom('suggestions').selectAll().execute()) +
      JSON.stringify(await db().db.selectFrom('suggestion_events').selectAll().execute())
    for (const secret of ['10.1.2.3', 'MicroMessenger', 'Android', one.followUpCode, one.followUpCode.replace(/-/g, '')]) {
      expect(everything).not.toContain(secret)
    }
    const events = await db().db.selectFrom('suggestion_events').selectAll().execute()
    expect(events).toMatchObject([{ suggestion_id: one.id, kind: 'submit', to_status: 'submitted', actor_kind: 'worker', actor_user_id: null }])
  })

  it('stores a named item with name, employee number and phone', async () => {
    const one = item({ anonymous: false, submitter: { name: ' 李四 ', employeeNo: 'AJW-17', phone: '13800000000' } })
    const res = await postJson(testApp(db()), '/api/suggestions', { items: [one] })
    expect(res.status).toBe(201)
    const row = await db().db.selectFrom('suggestions').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ anonymous: false, submitter_name: '李四', submitter_employee_no: 'AJW-17', submitter_phone: '13800000000' })
  })

  it('answers a replay "already received" with the same result, and keeps one row', async () => {
    const app = testApp(db())
    const one = item()
    const first = await postJson(app, '/api/suggestions', { items: [one] })
    const again = await postJson(app, '/api/suggestions', { items: [one] })
    expect(again.status).toBe(200)
    expect(again.body.results[0]).toEqual({ id: one.id, result: 'duplicate', status: 200, receivedAt: first.body.results[0].receivedAt, number: first.body.results[0].number })
    expect(await count()).toBe(1)
    expect(await count('suggestion_events')).toBe(1)
  })

  it('treats a replay with the code typed differently, or text re-trimmed, as the same item', async () => {
    const app = testApp(db())
    const one = item()
    await postJson(app, '/api/suggestions', { items: [one] })
    const variant = { ...one, followUpCode: one.followUpCode.toLowerCase().replace(/-/g, ' '), content: `  ${one.content}\r\n` }
    expect((await postJson(app, '/api/suggestions', { items: [variant] })).status).toBe(200)
  })

  it('stores concurrent copies of one item exactly once', async () => {
    const app = testApp(db())
    const one = item()
    const results = await Promise.all(Array.from({ length: 8 }, () => postJson(app, '/api/suggestions', { items: [one] })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
    expect(await count()).toBe(1)
  })

  it('refuses the same id with different content: 409, and the first item stays as it was', async () => {
    const app = testApp(db())
    const one = item()
    await postJson(app, '/api/suggestions', { items: [one] })
    const res = await postJson(app, '/api/suggestions', { items: [{ ...one, content: '内容被改过了，不是同一条' }] })
    expect(res.status).toBe(409)
    expect(res.body.error).toEqual({ code: 'id_conflict', message: expect.stringContaining('编号') })
    expect(res.body.results[0]).toMatchObject({ id: one.id, result: 'rejected', status: 409 })
    const row = await db().db.selectFrom('suggestions').select('content').executeTakeFirstOrThrow()
    expect(row.content).toBe(one.content)
  })

  it('refuses the same id with another follow-up code as a conflict', async () => {
    const app = testApp(db())
    const one = item()
    await postJson(app, '/api/suggestions', { items: [one] })
    const res = await postJson(app, '/api/suggestions', { items: [{ ...one, followUpCode: newFollowUpCode() }] })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('id_conflict')
  })

  it('refuses a second item that reuses a follow-up code, writing nothing for it', async () => {
    const app = testApp(db())
    const one = item()
    await postJson(app, '/api/suggestions', { items: [one] })
    const res = await postJson(app, '/api/suggestions', { items: [item({ followUpCode: one.followUpCode })] })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('follow_up_code_taken')
    expect(await count()).toBe(1)
    expect(await count('suggestion_events')).toBe(1)
  })

  it('answers each item of a mixed batch on its own, with 207', async () => {
    const app = testApp(db())
    const stored = item()
    await postJson(app, '/api/suggestions', { items: [stored] })
    const fresh = item()
    const bad = item({ content: '短' })
    const res = await postJson(app, '/api/suggestions', { items: [stored, fresh, bad, item({ entryPoint: 'nowhere' })] })
    expect(res.status).toBe(207)
    expect(res.body.error).toBeUndefined()
    expect(res.body.results.map((r: any) => [r.result, r.status, r.error?.code])).toEqual([
      ['duplicate', 200, undefined],
      ['created', 201, undefined],
      ['rejected', 400, 'content_too_short'],
      ['rejected', 422, 'unknown_entry_point'],
    ])
    expect(res.body.results[2]).toMatchObject({ id: bad.id, error: { details: [{ path: 'content', code: 'content_too_short' }] } })
    expect(await count()).toBe(2)
  })

  it('stores a full batch of 100 in one request', async () => {
    const items = Array.from({ length: LIMITS.batchMax }, () => item())
    const res = await postJson(testApp(db()), '/api/suggestions', { items })
    expect(res.status).toBe(201)
    expect(res.body.results).toHaveLength(100)
    expect(await count()).toBe(100)
  })

  it('refuses an entry point that is switched off', async () => {
    await db().db.updateTable('entry_points').set({ active: false }).where('code', '=', 'cs2').execute()
    const res = await postJson(testApp(db()), '/api/suggestions', { items: [item({ entryPoint: 'cs2' })] })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('unknown_entry_point')
    expect(await count()).toBe(0)
  })

  it.each([
    ['content too short', { content: '太短' }, 400, 'content_too_short'],
    ['content too long', { content: '长'.repeat(LIMITS.contentMax + 1) }, 400, 'content_too_long'],
    ['unknown category', { category: 'gossip' }, 422, 'unknown_category'],
    ['malformed category', { category: 'Gossip!' }, 400, 'invalid_category'],
    ['unknown entry point', { entryPoint: 'nowhere' }, 422, 'unknown_entry_point'],
    ['malformed id', { id: '123' }, 400, 'invalid_id'],
    ['malformed follow-up code', { followUpCode: 'ABC' }, 400, 'invalid_follow_up_code'],
    ['bad date', { createdAt: '24/11/2026' }, 400, 'invalid_date'],
    ['unknown field', { deviceId: 'abc' }, 400, 'unknown_field'],
    ['wrong type', { anonymous: 'true' }, 400, 'invalid_type'],
    ['missing content', { content: undefined }, 400, 'missing_field'],
    ['named without name', { anonymous: false }, 400, 'name_required'],
    ['anonymous with a name', { submitter: { name: '王五' } }, 400, 'identity_not_allowed'],
    ['unsavable characters', { content: '有一个\u0000空字符在这里' }, 400, 'invalid_characters'],
  ])('refuses %s with a clear 4xx and writes nothing', async (_, patch, status, code) => {
    const res = await postJson(testApp(db()), '/api/suggestions', { items: [item(patch)] })
    expect(res.status).toBe(status)
    expect(res.body.error).toMatchObject({ code, message: expect.any(String) })
    expect(res.body.error.message.length).toBeGreaterThan(3)
    expect(await count()).toBe(0)
    expect(await count('suggestion_events')).toBe(0)
  })

  it.each([
    ['not JSON', 'this is not json', 400, 'invalid_json'],
    ['JSON but not an object', '[1,2,3]', 400, 'invalid_type'],
    ['no items', '{}', 400, 'missing_field'],
    ['an empty batch', '{"items":[]}', 400, 'batch_empty'],
    ['too many items', JSON.stringify({ items: Array.from({ length: 101 }, () => ({})) }), 400, 'batch_too_large'],
    ['items not an array', '{"items":{"0":{}}}', 400, 'invalid_type'],
    ['an extra top-level field', '{"items":[{}],"client":"x"}', 400, 'unknown_field'],
  ])('refuses a request body that is %s', async (_, body, status, code) => {
    const res = await postJson(testApp(db()), '/api/suggestions', body)
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
  })

  it('refuses a body that is not UTF-8 instead of storing damaged text', async () => {
    const json = Buffer.from(JSON.stringify({ items: [item({ content: '食堂的饭菜XX太咸了' })] }), 'utf8')
    const at = json.indexOf('XX')
    json[at] = 0xff
    json[at + 1] = 0xfe
    const res = await testApp(db()).request('/api/suggestions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid_encoding')
    expect(await count()).toBe(0)
  })

  it('refuses a body that is not declared JSON with 415', async () => {
    const res = await testApp(db()).request('/api/suggestions', { method: 'POST', body: JSON.stringify({ items: [item()] }) })
    expect(res.status).toBe(415)
    expect((await res.json()).error.code).toBe('unsupported_media_type')
  })

  it('refuses a body over the size limit with 413, before reading it all', async () => {
    const huge = JSON.stringify({ items: [item({ content: 'x'.repeat(LIMITS.bodyMaxBytes) })] })
    const res = await postJson(testApp(db()), '/api/suggestions', huge)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('body_too_large')
    expect(await count()).toBe(0)
  })

  it('answers in English when the request asks for it, in Chinese otherwise', async () => {
    const app = testApp(db())
    const bad = { items: [item({ content: '短' })] }
    const en = await postJson(app, '/api/suggestions', bad, { 'accept-language': 'en-US,en;q=0.9' })
    const zh = await postJson(app, '/api/suggestions', bad, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })
    const none = await postJson(app, '/api/suggestions', bad)
    expect(en.body.error.message).toBe('Please write at least 5 characters.')
    expect(zh.body.error.message).toBe('意见内容至少 5 个字。')
    expect(none.body.error.message).toBe('意见内容至少 5 个字。')
  })

  it('answers GET with 405 and unknown API paths with a JSON 404', async () => {
    const app = testApp(db())
    const get = await app.request('/api/suggestions')
    expect(get.status).toBe(405)
    expect((await get.json()).error.code).toBe('method_not_allowed')
    const missing = await app.request('/api/nothing-here')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('not_found')
  })
})
