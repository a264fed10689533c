import { expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { qrSvg } from '../../../server/domain/qr-svg'
import { errorMessage } from '../../../shared/errors'
import { send } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, outcome, UNKNOWN_ID, type AdminCast, type Who } from './fixtures'

const PRIVATE_HOSTS = ['localhost:8080', '127.0.0.1:5173', '[::1]:8080', '10.1.2.3', '172.20.0.5:8080', '192.168.1.10', '169.254.1.1', '[fd00::5]', '[fe80::1]', 'yijian.local', 'yijian']

/** A GET as `who`, browsing from `host` (the request's Host header, and its URL). */
async function get(c: AdminCast, who: Who, path: string, host: string, app = c.app, extra: Record<string, string> = {}) {
  const res = await app.request(`http://${host}${path}`, { headers: { cookie: (await c.as(who)).cookie, host, ...extra } })
  const text = await res.text()
  return { status: res.status, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null }
}

async function cs1Id(c: AdminCast): Promise<string> {
  return (await (await c.as('admin1')).get('/api/admin/entry-points')).body[0].id
}

describeEachDialect('QR codes and posters: the address they carry', ({ db }) => {
  it('refuses, with public_origin_required, to draw a code for a loopback, private or local-only address', async () => {
    const c = await adminCast(db())
    const id = await cs1Id(c)
    // Every kind of address on one route (the classification itself is poster-origin.test.ts's), a few on each.
    const paths = [`/api/admin/entry-points/${id}/qr.svg`, `/api/admin/entry-points/posters?id=${id}`, '/api/admin/entry-points/public-origin']
    const cases = [...PRIVATE_HOSTS.map((host) => [host, paths[2]!] as const), ...['localhost', '192.168.1.10', '[::1]'].flatMap((host) => paths.slice(0, 2).map((path) => [host, path] as const))]
    for (const [host, path] of cases) {
      const res = await get(c, 'admin1', path, host)
      expect([res.status, res.body?.error?.code], `${host}${path}`).toEqual([409, 'public_origin_required'])
    }
    const res = await get(c, 'officer1', `/api/admin/entry-points/${id}/qr.svg`, 'localhost')
    expect(res.body.error.message).toBe(errorMessage('public_origin_required', 'zh-CN'))
    expect(res.body.error.message).toContain('PUBLIC_ORIGIN')
  })

  it('puts PUBLIC_ORIGIN in the code even when the admin browses from localhost or a private address', async () => {
    const c = await adminCast(db())
    const id = await cs1Id(c)
    const app = createApp({ db: db().db, dialect: db().dialect, network: { publicOrigin: 'https://yijian.example.cn' } })
    for (const host of ['localhost:8080', '127.0.0.1:5173', '192.168.1.10']) {
      const svg = await get(c, 'admin1', `/api/admin/entry-points/${id}/qr.svg`, host, app)
      expect(svg.status).toBe(200)
      expect(svg.text).toBe(qrSvg('https://yijian.example.cn/?s=cs1', '第一中心站生活点文化墙'))
      expect((await get(c, 'admin1', '/api/admin/entry-points/public-origin', host, app)).body).toEqual({ origin: 'https://yijian.example.cn' })
    }
  })

  it("uses the request's own Host when it is a public name or address (behind a trusted proxy, the forwarded one)", async () => {
    const c = await adminCast(db())
    const id = await cs1Id(c)
    const svg = await get(c, 'admin1', `/api/admin/entry-points/${id}/qr.svg`, 'yijian.example.cn:8080')
    expect(svg.text).toBe(qrSvg('http://yijian.example.cn:8080/?s=cs1', '第一中心站生活点文化墙'))
    expect((await get(c, 'admin1', '/api/admin/entry-points/public-origin', '203.0.113.7')).body).toEqual({ origin: 'http://203.0.113.7' })
    const proxied = createApp({ db: db().db, dialect: db().dialect, network: { trustProxy: 1 } })
    const forwarded = { 'x-forwarded-host': 'yijian.example.cn', 'x-forwarded-proto': 'https' }
    expect((await get(c, 'admin1', '/api/admin/entry-points/public-origin', '127.0.0.1:8080', proxied, forwarded)).body).toEqual({ origin: 'https://yijian.example.cn' })
    // The proxy's forwarded Host decides, so a private one is refused even if the socket's Host looks public.
    const privateForward = { 'x-forwarded-host': '192.168.0.9' }
    expect((await get(c, 'admin1', '/api/admin/entry-points/public-origin', 'yijian.example.cn', proxied, privateForward)).status).toBe(409)
  })

  it('lists the posters of one point or of every active point in a unit, with the place, the promise and the address', async () => {
    const c = await adminCast(db())
    const host = 'yijian.example.cn'
    const id = await cs1Id(c)
    const one = await get(c, 'officer1', `/api/admin/entry-points/posters?id=${id}`, host)
    expect(one.body).toEqual([
      { id, code: 'cs1', name: '第一中心站生活点文化墙', unitPath: ['艾家湾采油作业区', '第一中心站'], replyWithinDays: 7, url: 'http://yijian.example.cn/?s=cs1', title: null, footer: null },
    ])
    const area = await get(c, 'admin', `/api/admin/entry-points/posters?unitId=${c.units.area}`, host)
    expect(area.body.map((p: any) => p.code)).toEqual(['base-canteen', 'base-grid', 'base-wall', 'cs1', 'cs2', 'cs3'])
    expect((await get(c, 'admin', `/api/admin/entry-points/posters?unitId=${c.units.cs1}`, host)).body.map((p: any) => p.code)).toEqual(['cs1'])
    // A deactivated point prints no poster: its form would refuse the code.
    await (await c.as('admin1')).patch(`/api/admin/entry-points/${id}`, { active: false })
    expect((await get(c, 'admin', `/api/admin/entry-points/posters?unitId=${c.units.cs1}`, host)).body).toEqual([])
    expect((await get(c, 'admin', `/api/admin/entry-points/posters?id=${id}`, host)).status).toBe(404)
  })

  it('refuses posters out of scope (404), to other roles (403), and bad filters (400)', async () => {
    const c = await adminCast(db())
    const host = 'yijian.example.cn'
    const outOf = async (who: Who, query: string) => {
      const res = await get(c, who, `/api/admin/entry-points/posters${query}`, host)
      return [res.status, res.body?.error?.code]
    }
    expect(await outOf('admin1', `?unitId=${c.units.cs2}`)).toEqual([404, 'not_found'])
    expect(await outOf('admin1', `?unitId=${UNKNOWN_ID}`)).toEqual([404, 'not_found'])
    expect(await outOf('admin1', `?id=${UNKNOWN_ID}`)).toEqual([404, 'not_found'])
    expect(await outOf('handler1', '')).toEqual([403, 'forbidden'])
    expect(await outOf('leader', '')).toEqual([403, 'forbidden'])
    expect(await outOf('admin1', '?unitId=x')).toEqual([400, 'invalid_query'])
    expect(await outOf('admin1', '?color=red')).toEqual([400, 'invalid_query'])
    expect(outcome(await send(c.app, 'GET', '/api/admin/entry-points/posters', { host }))).toEqual([401, 'unauthenticated'])
  })
})
