import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { DEFAULT_PUBLIC_LIMITS } from '../../server/limits/policy'
import { builtClient } from '../helpers/build'
import { describeEachDialect } from '../helpers/test-db'

const ORIGIN = { origin: 'http://localhost', host: 'localhost' }

describeEachDialect('the form without the app\'s script (POST /submit)', ({ db }) => {
  // The built shell: the form's keys are put into it per request.
  let staticDir = ''
  beforeAll(async () => {
    staticDir = await builtClient()
  })
  const app = () => createApp({ db: db().db, dialect: db().dialect, staticDir, limits: DEFAULT_PUBLIC_LIMITS })

  async function keys(a: ReturnType<typeof app>, path = '/?s=cs1') {
    const html = await (await a.request(path)).text()
    const value = (name: string) => new RegExp(`form="submit-form" name="${name}" value="([^"]*)"`).exec(html)?.[1]
    return { html, formId: value('formId'), followUpCode: value('followUpCode'), entryPoint: value('entryPoint') }
  }

  const post = (a: ReturnType<typeof app>, fields: Record<string, string>, headers: Record<string, string> = ORIGIN) =>
    a.request('/submit', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() })

  it('puts a fresh id, a follow-up code and the QR point into every page it serves, never cached', async () => {
    const a = app()
    const one = await keys(a)
    const two = await keys(a)
    expect(one.formId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(one.followUpCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(one.entryPoint).toBe('cs1')
    expect(two.formId).not.toBe(one.formId)
    expect(two.followUpCode).not.toBe(one.followUpCode)
    expect(one.html).toMatch(/<form id="submit-form"[^>]* method="post" action="\/submit"/)
    expect((await a.request('/?s=cs1')).headers.get('cache-control')).toBe('no-store')
    expect((await keys(a, '/?s=%3Cscript%3E')).entryPoint).toBeUndefined()
  })

  it('takes a form its own page posted, though the browser says Origin: null (our referrer policy)', async () => {
    const a = app()
    const { formId, followUpCode } = await keys(a)
    const fields = { formId: formId!, followUpCode: followUpCode!, entryPoint: 'cs1', category: 'other', content: '浏览器发来的 Origin 是 null', anonymous: 'on' }
    expect((await post(a, fields, { origin: 'null', 'sec-fetch-site': 'same-origin', host: 'localhost' })).status).toBe(303)
  })

  it('stores the posted form once, redirects to a page with the code, and a resent POST is the same item', async () => {
    const a = app()
    const { formId, followUpCode } = await keys(a)
    const fields = { formId: formId!, followUpCode: followUpCode!, entryPoint: 'cs1', category: 'livelihood', content: '没有脚本也能提交：宿舍热水器坏了。', anonymous: 'on' }
    const first = await post(a, fields)
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/submitted')
    const cookie = first.headers.get('set-cookie')!
    expect(cookie).toMatch(/^yj_sent=.+; Max-Age=3600; Path=\/submitted; HttpOnly; SameSite=Strict/)
    // Nothing the worker wrote travels in a URL.
    expect(first.headers.get('location')).not.toContain(followUpCode!)
    const page = await a.request('/submitted', { headers: { cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(followUpCode!)
    expect(html).toContain('请记下或截图保存查询码')
    expect(html).toContain('href="/?s=cs1"')
    expect(html).toMatch(/编号：YJ-\d{4}-0001</)

    const again = await post(a, fields)
    expect(again.status).toBe(303)
    const rows = await db().db.selectFrom('suggestions').select(['id', 'content', 'anonymous', 'submitter_name']).execute()
    expect(rows).toEqual([{ id: formId, content: fields.content, anonymous: true, submitter_name: null }])
    const tracked = await a.request('/api/track', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ codes: [followUpCode] }) })
    expect((await tracked.json()).results[0].found).toBe(true)
  })

  it('answers a refused form with the reason and the words kept on screen, storing nothing', async () => {
    const a = app()
    const { formId, followUpCode } = await keys(a)
    const res = await post(a, { formId: formId!, followUpCode: followUpCode!, entryPoint: 'cs1', category: '', content: '我写了<b>很多</b>字但忘了选类别', name: '' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('请选择类别。')
    expect(html).toContain('我写了&#60;b&#62;很多&#60;/b&#62;字但忘了选类别')
    expect(await db().db.selectFrom('suggestions').select('id').execute()).toEqual([])
  })

  it('refuses a form from another site, and shows a missing result page plainly', async () => {
    const a = app()
    const { formId, followUpCode } = await keys(a)
    const fields = { formId: formId!, followUpCode: followUpCode!, entryPoint: 'cs1', category: 'other', content: '别的网站代为提交的内容', anonymous: 'on' }
    expect((await post(a, fields, { origin: 'https://evil.example', host: 'localhost' })).status).toBe(403)
    expect((await post(a, fields, { origin: 'null', 'sec-fetch-site': 'cross-site', host: 'localhost' })).status).toBe(403)
    expect(await db().db.selectFrom('suggestions').select('id').execute()).toEqual([])
    const missing = await a.request('/submitted')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('没有找到刚才提交的意见')
  })
})
