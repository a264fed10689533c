import { expect, it } from 'vitest'
import { NOTIFY_LIMITS } from '../../../shared/notify-limits'
import { createSession } from '../../../server/auth/sessions'
import { SESSION_COOKIE } from '../../../server/auth/middleware'
import { createUser, sessionFrom } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { webhookReceiver } from '../../helpers/webhook-receiver'
import { cast } from '../items/fixtures'

describeEachDialect('the admins’ channels and settings: roles, scope, limits, the test button', ({ db }) => {
  it('only admins, each within their subtree; settings only from a top unit’s admin', async () => {
    const c = await cast(db())
    const body = { unitId: c.units.cs1, kind: 'wecom', name: '一站群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' }
    expect((await c.app.request('/api/admin/notify')).status).toBe(401)
    for (const who of ['officer', 'leader', 'handler1'] as const) {
      expect((await c.sessions[who].get('/api/admin/notify')).status).toBe(403)
      expect((await c.sessions[who].post('/api/admin/notify/channels', body)).status).toBe(403)
    }
    const made = await c.sessions.admin.post('/api/admin/notify/channels', body)
    expect(made.status).toBe(201)
    // An admin of the second station sees and touches only the second station's channels.
    const user = await createUser(db().db, 'admin2', 'admin', '第二中心站')
    const s = await createSession(db().db, user.id)
    const admin2 = sessionFrom(c.app, `${SESSION_COOKIE}=${s.token}`, s.csrfToken)
    expect((await admin2.get('/api/admin/notify')).body).toMatchObject({ channels: [], settingsEditable: false })
    expect((await admin2.post('/api/admin/notify/channels', body)).body.error.code).toBe('unit_not_found')
    expect((await admin2.patch(`/api/admin/notify/channels/${made.body.id}`, { active: false })).status).toBe(404)
    expect((await admin2.post(`/api/admin/notify/channels/${made.body.id}/test`)).status).toBe(404)
    expect((await admin2.delete(`/api/admin/notify/channels/${made.body.id}`)).status).toBe(404)
    expect((await admin2.put('/api/admin/notify/settings', { includeContent: true, triageMode: 'off', remindDays: 3, digestHour: 9 })).status).toBe(403)
    const overview = (await c.sessions.admin.get('/api/admin/notify')).body
    expect(overview.channels).toMatchObject([{ id: made.body.id, unitName: '第一中心站', kind: 'wecom', hasSecret: false, active: true, counts: { sent: 0, failed: 0, pending: 0 } }])
    expect(overview.settings).toEqual({ includeContent: false, triageMode: 'digest', remindDays: 2, digestHour: 8 })
    expect(overview.settingsEditable).toBe(true)
    expect(overview.fallback.configured).toBe(false)
  })

  it('refuses bad input with a code, and holds the per-unit limit under a parallel burst', async () => {
    const c = await cast(db())
    const base = { unitId: c.units.cs2, kind: 'webhook', name: '短信网关', url: 'https://sms.example.com/hook' }
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ ...base, url: 'ftp://x.example.com' }, 'invalid_webhook_url'],
      [{ ...base, url: 'javascript:alert(1)' }, 'invalid_webhook_url'],
      [{ ...base, url: 'https://user:pw@x.example.com/' }, 'invalid_webhook_url'],
      [{ ...base, url: `https://x.example.com/${'a'.repeat(NOTIFY_LIMITS.urlMax)}` }, 'text_too_long'],
      [{ ...base, name: '' }, 'text_required'],
      [{ ...base, name: '群'.repeat(NOTIFY_LIMITS.nameMax + 1) }, 'text_too_long'],
      [{ ...base, kind: 'sms' }, 'invalid_request'],
      [{ ...base, kind: 'dingtalk' }, 'secret_required'],
      [{ ...base, extra: 1 }, 'unknown_field'],
      [{ ...base, unitId: 'nope' }, 'invalid_request'],
    ]
    for (const [body, code] of refusals) {
      const res = await c.sessions.admin.post('/api/admin/notify/channels', body)
      expect([res.status < 500 && res.status >= 400, res.body.error?.code], JSON.stringify(body).slice(0, 80)).toEqual([true, code])
    }
    const burst = await Promise.all(Array.from({ length: NOTIFY_LIMITS.channelsPerUnit + 4 }, (_, i) => c.sessions.admin.post('/api/admin/notify/channels', { ...base, name: `通道 ${i}` })))
    expect(burst.filter((r) => r.status === 201)).toHaveLength(NOTIFY_LIMITS.channelsPerUnit)
    expect(new Set(burst.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error.code}`))).toEqual(new Set(['409 too_many_channels']))
    for (const bad of [{ includeContent: 'yes', triageMode: 'off', remindDays: 2, digestHour: 8 }, { includeContent: true, triageMode: 'off', remindDays: 0, digestHour: 8 }, { includeContent: true, triageMode: 'off', remindDays: 2, digestHour: 24 }]) {
      expect((await c.sessions.admin.put('/api/admin/notify/settings', bad)).status).toBe(400)
    }
  })

  it('发送测试消息 sends through the channel at once and shows how it went; the secret never comes back', async () => {
    const c = await cast(db())
    const receiver = await webhookReceiver()
    const made = await c.sessions.admin.post('/api/admin/notify/channels', { unitId: c.units.cs1, kind: 'dingtalk', name: '一站钉钉群', url: `${receiver.base}/robot?access_token=t`, secret: 'SECabcdef' })
    const ok = await c.sessions.admin.post(`/api/admin/notify/channels/${made.body.id}/test`)
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ kind: 'test', state: 'sent', attempts: 1, lastError: null, title: '【测试消息】有意见码上提' })
    expect(receiver.received[0]!.body.markdown.text).toContain('一站钉钉群')
    receiver.answer(() => ({ status: 200, body: { errcode: 310000, errmsg: 'sign not match' } }))
    const refused = await c.sessions.admin.post(`/api/admin/notify/channels/${made.body.id}/test`)
    expect(refused.body).toMatchObject({ state: 'pending', attempts: 1, lastError: 'errcode 310000: sign not match' })
    // What else a receiver answers is not kept: a channel pointed inside the network reads nothing out.
    receiver.answer(() => ({ status: 200, body: '<html>内部系统 secret page</html>' }))
    const page = await c.sessions.admin.post(`/api/admin/notify/channels/${made.body.id}/test`)
    receiver.answer(() => ({ status: 404, body: 'internal secret' }))
    const missing = await c.sessions.admin.post(`/api/admin/notify/channels/${made.body.id}/test`)
    expect([page.body.lastError, missing.body.lastError]).toEqual(['not a robot’s answer', 'HTTP 404'])
    const overview = (await c.sessions.admin.get('/api/admin/notify')).body
    expect(JSON.stringify(overview)).not.toContain('secret')
    expect(overview.channels[0]).toMatchObject({ hasSecret: true, counts: { sent: 1, failed: 0, pending: 3 } })
    expect(overview.channels[0].recent.map((d: any) => d.state)).toEqual(['pending', 'pending', 'pending', 'sent'])
    expect(JSON.stringify(overview)).not.toContain('SECabcdef')
    receiver.answer(() => ({ status: 200, body: { errcode: 0 } }))
    // Switched off: its waiting messages are not sent (failed, saying why).
    expect((await c.sessions.admin.patch(`/api/admin/notify/channels/${made.body.id}`, { active: false })).status).toBe(204)
    const off = await c.sessions.admin.post(`/api/admin/notify/channels/${made.body.id}/test`)
    expect(off.body).toMatchObject({ state: 'failed', lastError: 'channel_inactive' })
    expect((await c.sessions.admin.delete(`/api/admin/notify/channels/${made.body.id}`)).status).toBe(204)
    expect((await c.sessions.admin.get('/api/admin/notify')).body.channels).toEqual([])
    expect(await db().db.selectFrom('notify_outbox').select('id').execute()).toEqual([])
    await receiver.close()
  })
})
