import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { uploadPhoto } from '../../client/photos/upload'
import { plainJpeg } from '../helpers/jpeg'
import { cast, dayFromToday } from '../server/items/fixtures'
import { describeE2E } from './harness'
import { openReviewer } from './log-in'

// Uncaught page errors and dialogs nobody expected, checked at the end of the test.
const problems: string[] = []

const reviewer = (browser: Browser, baseUrl: string, username: string, width: number, start: string): Promise<Page> =>
  openReviewer(browser, baseUrl, username, { problems, viewport: { width, height: 740 }, start })

/** A JPEG as a phone's gallery would hold it: a gradient, so that it compresses like a picture. */
const jpegBytes = (width: number, height: number) => plainJpeg(width, height, 85)

/** The image a thumbnail shows has loaded, with its size as decoded. */
const natural = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate(async (img: HTMLImageElement) => {
    img.loading = 'eager'
    await img.decode()
    return { width: img.naturalWidth, height: img.naturalHeight }
  })

describeE2E('photos with a report back', (e2e) => {
  it('a handler at 360 px reports with a photo; the officer sees it with the dispatch and in the timeline, full size on a tap', async () => {
    const { browser, baseUrl, db, tempDir } = e2e()
    problems.length = 0
    const c = await cast(db)
    const { id, code } = await c.submit('一站宿舍的热水器坏了一个星期了，冬天洗澡只能去基地')
    // The worker's photo, sent as the phone sends it, after the item.
    const taken = jpegBytes(480, 640)
    const sha256 = createHash('sha256').update(taken).digest('hex')
    const sent = await uploadPhoto(
      { path: '/api/track/photos', headers: { 'x-follow-up-code': code, 'x-item-id': id, 'x-photo-sha256': sha256 }, fetch: async (input, init) => c.app.request(input as string, init) },
      new Blob([new Uint8Array(taken)]),
    )
    expect(sent.ok).toBe(true)
    expect((await c.act(c.sessions.officer, id, 'accept', { summary: '宿舍热水器' })).status).toBe(200)
    const dispatched = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(5) })
    expect(dispatched.status).toBe(200)
    const assignmentId = dispatched.body.assignments.at(-1).id as string

    const phone = await reviewer(browser, baseUrl, 'handler1', 360, `#/items/${id}?report=${assignmentId}`)
    await phone.getByLabel('办理情况').fill('已更换热水器，当天恢复供热水。')
    // The upload held back a moment, so that the form can be seen waiting for it.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await phone.route('**/api/admin/items/*/photos/*', async (route) => {
      await held
      await route.continue()
    })
    const file = join(tempDir(), '热水器.jpg')
    writeFileSync(file, jpegBytes(640, 480))
    await phone.getByLabel('添加照片').setInputFiles(file)
    const pick = phone.locator('.adm-photo-pick')
    await expect.poll(() => pick.innerText()).toContain('上传中…')
    const report = phone.getByRole('button', { name: '反馈', exact: true })
    expect(await report.isDisabled()).toBe(true)
    expect(await phone.locator('.adm-action .adm-hint').last().innerText()).toBe('照片上传完才能反馈。')
    release()
    await expect.poll(() => pick.innerText()).toContain('已上传')
    expect(await report.isDisabled()).toBe(false)
    expect(await pick.getByRole('img', { name: '反馈照片 1' }).isVisible()).toBe(true)
    await phone.locator('.adm-action').first().screenshot({ path: 'test-results/report-photos-form-360.png' })
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await report.click()
    await expect.poll(() => phone.locator('.adm-facts .adm-status').innerText()).toBe('已反馈')
    await expect.poll(() => phone.locator('.adm-assignment .adm-photos img').count()).toBe(1)
    await phone.screenshot({ path: 'test-results/report-photos-handler-360.png', fullPage: true })

    // The union: the photo with the dispatch and at the report's step of the timeline.
    const desk = await reviewer(browser, baseUrl, 'officer', 360, `#/items/${id}`)
    const withDispatch = desk.locator('.adm-assignment .adm-photos img')
    await withDispatch.waitFor()
    expect(await withDispatch.getAttribute('alt')).toBe('反馈照片 1')
    expect(await withDispatch.getAttribute('loading')).toBe('lazy')
    expect([await withDispatch.getAttribute('width'), await withDispatch.getAttribute('height')]).toEqual(['640', '480'])
    const step = desk.locator('.adm-event', { hasText: '已更换热水器' })
    expect(await step.locator('.adm-photos img').getAttribute('alt')).toBe('反馈照片 1')
    // The worker's, beside what they wrote and at the submit step.
    expect(await desk.locator('.adm-facts .adm-photos img').getAttribute('alt')).toBe('员工拍的照片 1')
    expect(await desk.locator('.adm-event').first().locator('.adm-photos img').getAttribute('alt')).toBe('员工拍的照片 1')
    expect(await step.locator('.adm-photos img').count()).toBe(1)
    expect(await natural(desk, '.adm-assignment .adm-photos img')).toEqual({ width: 320, height: 240 })
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await desk.locator('.adm-item-main').screenshot({ path: 'test-results/report-photos-officer-360.png' })

    // Full size on a tap; Escape closes it and puts focus back on the thumbnail.
    await step.getByRole('link', { name: '反馈照片 1' }).click()
    const viewer = desk.getByRole('dialog', { name: '反馈照片 1' })
    await viewer.waitFor()
    expect(await natural(desk, '.adm-photo-viewer img')).toEqual({ width: 640, height: 480 })
    const box = (await viewer.locator('img').boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(360)
    await desk.screenshot({ path: 'test-results/report-photos-viewer-360.png' })
    await desk.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })
    expect(await desk.evaluate(() => document.activeElement?.closest('.adm-event')?.textContent)).toContain('已更换热水器')
    // And by its 关闭 button.
    await withDispatch.click()
    await viewer.getByRole('button', { name: '关闭' }).click()
    await viewer.waitFor({ state: 'detached' })

    // The images are the session's own: never kept by a shared cache, never sniffed as anything else.
    const src = (await withDispatch.getAttribute('src'))!
    for (const path of [src, src.replace(/\/thumb$/, '')]) {
      const res = await desk.context().request.get(`${baseUrl}${path}`)
      expect(res.status(), path).toBe(200)
      expect(res.headers()['content-type']).toBe('image/jpeg')
      expect(res.headers()['cache-control']).toContain('private')
      expect(res.headers()['x-content-type-options']).toBe('nosniff')
    }
    // Whoever may not see the item may not see its photos either.
    expect((await c.sessions.handler2.get(src)).status).toBeGreaterThanOrEqual(400)

    expect(problems).toEqual([])
    await phone.context().close()
    await desk.context().close()
  })
  it('takes at most 3 photos with a report, goes on after a dropped link, says why a file is refused, and sends only those kept', async () => {
    const { browser, baseUrl, db, tempDir } = e2e()
    problems.length = 0
    const c = await cast(db)
    const { id } = await c.submit('二站食堂的饭菜太咸')
    expect((await c.act(c.sessions.officer, id, 'accept')).status).toBe(200)
    const res = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(5) })
    expect(res.status).toBe(200)
    const dir = tempDir()
    const files = [200, 300, 400, 500].map((width) => {
      const path = join(dir, `${width}.jpg`)
      writeFileSync(path, jpegBytes(width, 200))
      return path
    })
    const notAPicture = join(dir, '不是照片.jpg')
    writeFileSync(notAPicture, '这不是图片')

    const phone = await reviewer(browser, baseUrl, 'handler1', 360, `#/items/${id}`)
    const input = phone.getByLabel('添加照片')
    const picks = phone.locator('.adm-photo-pick')
    // The link drops mid-upload: 重试 goes on from where the server stopped.
    await phone.route('**/api/admin/items/*/photos/*', (route) => route.abort('internetdisconnected'))
    await input.setInputFiles(files[0]!)
    await expect.poll(() => picks.first().innerText()).toContain('网络不好，照片没有传完。')
    await phone.unrouteAll()
    await picks.first().getByRole('button', { name: '重试' }).click()
    await expect.poll(() => picks.first().innerText()).toContain('已上传')

    // Three more chosen, room for two.
    await input.setInputFiles(files.slice(1))
    await expect.poll(() => picks.locator('.adm-photo-state-done').count()).toBe(3)
    expect(await phone.getByRole('alert').allInnerTexts()).toContain('最多只能附 3 张照片，多选的没有添加。')
    expect(await input.isDisabled()).toBe(true)

    await phone.getByRole('button', { name: '删除 反馈照片 2' }).click()
    expect(await picks.count()).toBe(2)
    expect(await input.isDisabled()).toBe(false)
    await input.setInputFiles(notAPicture)
    await expect.poll(() => picks.last().innerText()).toContain('无法读取这张图片，请换一张。')
    expect(await picks.last().getByRole('button', { name: '重试' }).count()).toBe(0)
    await picks.last().getByRole('button', { name: /删除/ }).click()

    // Sent with the two photos kept (the deleted one is not named): they come back with the dispatch.
    await phone.getByLabel('办理情况').fill('已和食堂沟通，少放盐。')
    await phone.getByRole('button', { name: '反馈', exact: true }).click()
    const shown = phone.locator('.adm-assignment .adm-photos img')
    await expect.poll(() => shown.count()).toBe(2)
    expect((await shown.evaluateAll((imgs) => imgs.map((img) => Number(img.getAttribute('width'))))).sort()).toEqual([200, 400])
    expect(problems).toEqual([])
    await phone.context().close()
  })
})
