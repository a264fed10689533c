import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'
import { fillForm } from './worker-form'
import { uploadPhoto } from '../../client/photos/upload'
import { cast, dayFromToday } from '../server/items/fixtures'
import { plainJpeg } from '../helpers/jpeg'

const SHOTS = process.env.E2E_SHOTS_DIR ?? 'test-results'

/**
 * An APP1 Exif segment as a camera writes one (big-endian TIFF): Make, Model (a serial number)
 * and a GPS IFD with a latitude. Written by hand: what the phone must not let out.
 */
function exifSegment(): Buffer {
  const tiff = Buffer.alloc(126)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(8, 4)
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    tiff.writeUInt16BE(tag, at)
    tiff.writeUInt16BE(type, at + 2)
    tiff.writeUInt32BE(count, at + 4)
    tiff.writeUInt32BE(value, at + 8)
  }
  tiff.writeUInt16BE(3, 8) // IFD0: Make, Model, GPS pointer
  entry(10, 0x010f, 2, 10, 50)
  entry(22, 0x0110, 2, 12, 60)
  entry(34, 0x8825, 4, 1, 72)
  tiff.writeUInt32BE(0, 46)
  tiff.write('YJTestCam\0', 50, 'latin1')
  tiff.write('SN-1234567\0', 60, 'latin1')
  tiff.writeUInt16BE(2, 72) // GPS IFD: LatitudeRef N, Latitude 39° 54' 12.34"
  entry(74, 0x0001, 2, 2, 0x4e000000)
  entry(86, 0x0002, 5, 3, 102)
  tiff.writeUInt32BE(0, 98)
  ;[39, 1, 54, 1, 1234, 100].forEach((n, i) => tiff.writeUInt32BE(n, 102 + i * 4))
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.alloc(4)
  head.writeUInt16BE(0xffe1, 0)
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/** A camera-like JPEG: a canvas picture from the page, with the Exif segment spliced in after SOI. */
async function cameraJpeg(page: Page, hue: number): Promise<Buffer> {
  const base64 = await page.evaluate((h) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 2400, height: 1800 })
    const g = canvas.getContext('2d')!
    g.fillStyle = `hsl(${h} 60% 55%)`
    g.fillRect(0, 0, 2400, 1800)
    // Detail, as a real scene has: a photo of a few hundred KB, several chunks.
    for (let i = 0; i < 3000; i++) {
      g.fillStyle = `hsl(${(h + i * 37) % 360} ${40 + (i % 50)}% ${30 + ((i * 7) % 50)}%)`
      g.fillRect((i * 397) % 2400, (i * 211) % 1800, 20 + (i % 60), 12 + ((i * 3) % 40))
    }
    g.fillStyle = '#222'
    g.font = 'bold 400px sans-serif'
    g.fillText('井场', 500, 1100)
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!
  }, hue)
  const jpeg = Buffer.from(base64, 'base64')
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(), jpeg.subarray(2)])
}

/** What the phone keeps and sends (the upload's key is its hash, checked by the server): markers, metadata, and whether it decodes. */
function inspectPhone(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => Object.assign(indexedDB.open('yijian'), { onsuccess: (e: Event) => resolve((e.target as IDBOpenDBRequest).result), onerror: reject }))
    const rows = await new Promise<Array<{ owner: string; sha256: string; blob: Blob; state: string }>>((resolve) => {
      const request = db.transaction('photos').objectStore('photos').getAll()
      request.onsuccess = () => resolve(request.result)
    })
    db.close()
    return Promise.all(
      rows.map(async (row) => {
        const bytes = new Uint8Array(await row.blob.arrayBuffer())
        const markers: number[] = []
        for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff; at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!)) {
          markers.push(bytes[at + 1]!)
          if (bytes[at + 1] === 0xda) break
        }
        const text = new TextDecoder('latin1').decode(bytes)
        const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('')
        const bitmap = await createImageBitmap(row.blob)
        return { owner: row.owner, state: row.state, sha256: row.sha256, hashOk: hash === row.sha256, size: bytes.length, soi: bytes[0] === 0xff && bytes[1] === 0xd8, app1: markers.includes(0xe1), exif: text.includes('Exif'), make: text.includes('YJTestCam') || text.includes('SN-1234567'), width: bitmap.width, height: bitmap.height }
      }),
    )
  })
}

describeE2E('photos taken offline', (e2e) => {
  it('strips Exif and GPS on the phone, keeps the photos through a closed browser, and stores each once through a cut link', async () => {
    const { baseUrl, db, persistentContext, tempDir, setNetwork, dropNextResponse, requests } = e2e()
    const profile = tempDir()
    const viewport = { width: 360, height: 900 }
    let context = await persistentContext(profile, { viewport })
    let page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })
    const files = [await cameraJpeg(page, 30), await cameraJpeg(page, 200)]
    expect(files[0]!.includes(Buffer.from('Exif')) && files[0]!.includes(Buffer.from('YJTestCam'))).toBe(true)

    setNetwork(false)
    await context.setOffline(true)
    await fillForm(page, { category: 'livelihood', content: '生活点的热水器坏了，照片里是漏水的地方。' })
    await page.getByLabel('添加照片').setInputFiles(files.map((buffer, i) => ({ name: `IMG_000${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })))
    await expect.poll(() => page.locator('.thumbs img').count()).toBe(2)
    await expect.poll(() => page.getByText('照片 2/3').count()).toBe(1)
    await page.screenshot({ path: `${SHOTS}/photos-form-360.png`, fullPage: true })

    // The draft keeps its photos through a closed browser.
    await page.waitForTimeout(600)
    await context.close()
    context = await persistentContext(profile, { viewport, offline: true })
    page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.getByLabel('意见内容').inputValue()).toContain('热水器')
    await expect.poll(() => page.locator('.thumbs img').count()).toBe(2)
    const kept = await inspectPhone(page)
    expect(kept).toHaveLength(2)
    for (const photo of kept) expect(photo).toMatchObject({ owner: 'draft', hashOk: true, soi: true, app1: false, exif: false, make: false, width: 1600, height: 1200 })
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('已保存在本机')
    await context.close()

    // Closed again, then opened with the network back: the item goes, then its photos.
    context = await persistentContext(profile, { viewport, offline: true })
    page = await context.newPage()
    await page.goto(`${baseUrl}/`)
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item .thumbs img').count()).toBe(2)
    await expect.poll(() => page.locator('.item').innerText()).toContain('照片正在上传')
    const queued = await inspectPhone(page)
    const itemId = queued[0]!.owner
    // The link is cut mid-photo: the answer to the first photo's first chunk (of several) is lost
    // after the server stored it; the next sync asks where to go on and sends the rest, not all again.
    for (const q of queued) expect(q.size).toBeGreaterThan(32_768)
    const firstPath = '/api/track/photos'
    dropNextResponse(firstPath, 1)
    setNetwork(true)
    await context.setOffline(false)
    await page.getByRole('button', { name: '立即同步' }).click().catch(() => undefined)
    const photoRows = () => sql<{ sha256: string; complete: boolean; n: number }>`select sha256, complete, count(*) over (partition by sha256)::int as n from photos where suggestion_id = ${itemId} order by sha256`.execute(db.db).then((r) => r.rows)
    await expect.poll(async () => (await photoRows()).filter((r) => r.complete).length, { timeout: 30_000 }).toBe(2)
    expect((await photoRows()).map((r) => [r.sha256, r.n])).toEqual(queued.map((q) => [q.sha256, 1]).sort())
    expect(requests.filter((r) => r.startsWith(`PUT ${firstPath}`)).length).toBeGreaterThan(1)
    // Nothing of the item in a URL a proxy would log: the item and the photo went in headers.
    const photoPuts = requests.filter((r) => r.startsWith('PUT /api/track/photos'))
    expect(photoPuts.length).toBeGreaterThan(2)
    expect(photoPuts.filter((r) => r !== 'PUT /api/track/photos')).toEqual([])
    await expect.poll(() => page.locator('.item').innerText(), { timeout: 20_000 }).toContain('照片已上传')
    await page.screenshot({ path: `${SHOTS}/photos-mine-360.png`, fullPage: true })
    await context.close()
  })

  it('on a weak link the photo still arrives, the union sees it clean, and the worker sees the handler’s report photo', { timeout: 90_000 }, async () => {
    const { browser, baseUrl, db } = e2e()
    const c = await cast(db)
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 } })
    const page = await context.newPage()
    // A well site's link: 250 kbps each way, 300 ms of latency.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 31_250, uploadThroughput: 31_250 })
    await page.goto(`${baseUrl}/?s=cs1`)
    const photo = await cameraJpeg(page, 120)
    await fillForm(page, { category: 'livelihood', content: '值班室的暖气片漏水，地上全是水。' })
    await page.getByLabel('添加照片').setInputFiles([{ name: 'IMG_0100.jpg', mimeType: 'image/jpeg', buffer: photo }])
    await expect.poll(() => page.locator('.thumbs img').count(), { timeout: 20_000 }).toBe(1)
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item').innerText(), { timeout: 60_000 }).toContain('照片已上传')
    const { id } = await db.db.selectFrom('suggestions').select('id').where('content', 'like', '%暖气片漏水%').executeTakeFirstOrThrow()

    // The union: one photo on the item, a JPEG with nothing of the camera in it.
    const detail = await c.sessions.officer.get(`/api/admin/items/${id}`)
    expect(detail.body.photos).toHaveLength(1)
    const full = Buffer.from(await (await c.app.request(`/api/admin/photos/${detail.body.photos[0].id}`, { headers: { cookie: c.sessions.officer.cookie } })).arrayBuffer())
    expect([full[0], full[1]]).toEqual([0xff, 0xd8])
    for (const word of ['Exif', 'YJTestCam', 'SN-1234567']) expect(full.includes(word), word).toBe(false)

    // A handler reports back with a photo of the repair.
    await c.act(c.sessions.officer, id, 'accept', { summary: '值班室暖气漏水' })
    const dispatched = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(3) })
    // As the admin view's pipeline makes it: a JPEG within 1600 px.
    const repaired = plainJpeg(640, 480)
    const key = createHash('sha256').update(repaired).digest('hex')
    const handler = { cookie: c.sessions.handler1.cookie, origin: 'http://localhost', host: 'localhost', 'x-csrf-token': c.sessions.handler1.csrf }
    const sent = await uploadPhoto({ path: `/api/admin/items/${id}/photos/${key}`, headers: handler, fetch: async (input, init) => c.app.request(input as string, init) }, new Blob([new Uint8Array(repaired)]))
    expect(sent.ok).toBe(true)
    const reported = await c.act(c.sessions.handler1, id, 'report', { assignmentId: dispatched.body.assignments[0].id, outcome: 'completed', text: '暖气片已更换', photos: [key] })
    expect(reported.status).toBe(200)

    // The worker's next sync: the report's photo under 我的意见, loaded by the follow-up code.
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect.poll(() => page.locator('.item').innerText(), { timeout: 30_000 }).toContain('处理情况照片')
    await expect
      .poll(() => page.locator('.item img').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length), { timeout: 30_000 })
      .toBe(2)
    await page.screenshot({ path: `${SHOTS}/photos-report-mine-360.png`, fullPage: true })
    await context.close()
  })
})
