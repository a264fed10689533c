import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../server/auth/middleware'
import { createSession } from '../../server/auth/sessions'
import { qrSvg } from '../../server/domain/qr-svg'
import { createUser } from '../helpers/admin'
import { describeE2E } from './harness'

const PUBLIC_ORIGIN = 'https://yijian.example.cn'
/** A4 at CSS's 96 dpi: 210 × 297 mm. */
const A4 = { width: 794, height: 1123 }

/**
 * An officer browsing from 127.0.0.1 while the server knows its public address. With
 * PUBLIC_ORIGIN set, a login form's Origin would not match it: the session is made in the database.
 */
async function officer(browser: Browser, baseUrl: string, db: Parameters<typeof createUser>[0]): Promise<Page> {
  const { id } = await createUser(db, 'printer', 'officer', '艾家湾采油作业区', '工会干事王')
  const { token } = await createSession(db, id)
  const context = await browser.newContext({ locale: 'zh-CN', viewport: A4 })
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl }])
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  return page
}

describeE2E(
  'the printable QR posters',
  (e2e) => {
    it('prints a poster whose QR code carries PUBLIC_ORIGIN and the point, with its place, steps and promises', async () => {
      const { browser, baseUrl, db } = e2e()
      const page = await officer(browser, baseUrl, db.db)
      await page.goto(`${baseUrl}/admin#/entry-points`)
      const card = page.locator('.adm-qr', { hasText: 'cs1' })
      // The QR screen shows the address the code carries, not the one the officer browses from.
      await expect.poll(() => card.locator('.adm-qr-link a').getAttribute('href')).toBe(`${PUBLIC_ORIGIN}/?s=cs1`)
      await card.getByRole('link', { name: '打印海报' }).click()

      const poster = page.locator('article.poster')
      await expect.poll(() => poster.count()).toBe(1)
      expect(await poster.locator('h1').innerText()).toBe('有意见码上提')
      const text = await poster.innerText()
      for (const part of ['第一中心站', '第一中心站生活点文化墙', '扫码', '写意见', '看答复', '凭查询码看答复', '可以匿名，不记录身份。', '工会一般在 7 天内答复。', '艾家湾采油作业区工会', `${PUBLIC_ORIGIN}/?s=cs1`]) {
        expect(text, part).toContain(part)
      }
      const img = poster.getByRole('img', { name: '意见二维码：第一中心站生活点文化墙' })
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0)
      // What a phone reads: the poster's QR image as the page draws it, decoded by jsQR.
      const size = 320
      const pixels = await img.evaluate((el: HTMLImageElement, n: number) => {
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = n
        const ctx = canvas.getContext('2d')!
        ctx.fillStyle = '#fff'
        ctx.fillRect(0, 0, n, n)
        ctx.drawImage(el, n / 10, n / 10, (n * 8) / 10, (n * 8) / 10)
        return Array.from(ctx.getImageData(0, 0, n, n).data)
      }, size)
      const decoded = jsQR(Uint8ClampedArray.from(pixels), size, size)?.data
      expect(decoded).toBe(`${PUBLIC_ORIGIN}/?s=cs1`)
      // And the image is the server's drawing of exactly that text.
      const svg = await page.context().request.get(new URL((await img.getAttribute('src'))!, baseUrl).href)
      expect(await svg.text()).toBe(qrSvg(`${PUBLIC_ORIGIN}/?s=cs1`, '第一中心站生活点文化墙'))
      // Large enough to scan across a corridor: at least 100 mm wide on the A4 page.
      expect((await img.boundingBox())!.width).toBeGreaterThan((100 / 25.4) * 96)

      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('.poster-bar').isVisible()).toBe(false)
      await page.screenshot({ path: 'test-results/poster-cs1-print.png', fullPage: true })
    })

    it("prints all of a unit's active points at once in the union's own words, one poster per A4 page", async () => {
      const { browser, baseUrl, db } = e2e()
      const page = await officer(browser, baseUrl, db.db)
      await page.goto(`${baseUrl}/admin#/entry-points`)
      // The officer words the posters. A write must come from PUBLIC_ORIGIN, so the request is sent
      // with the Origin a browser at the public address would send (Chromium keeps its own otherwise).
      await page.route('**/api/admin/entry-points/poster-text', async (route) => {
        const headers = { ...(await route.request().allHeaders()), origin: PUBLIC_ORIGIN }
        await route.fulfill({ response: await route.fetch({ headers }) })
      })
      const title = page.getByLabel('标题', { exact: true })
      const footer = page.getByLabel('落款', { exact: true })
      await expect.poll(() => footer.getAttribute('placeholder')).toBe('艾家湾采油作业区工会')
      expect(await title.getAttribute('placeholder')).toBe('有意见码上提')
      await title.fill('职工意见码上提')
      await footer.fill('艾家湾采油作业区工会委员会')
      await page.getByRole('button', { name: '保存', exact: true }).click()
      await expect.poll(() => page.getByRole('status').innerText()).toBe('已保存。')
      await page.screenshot({ path: 'test-results/posters-qr-screen.png', fullPage: true })
      await page.getByLabel('打印哪些二维码的海报').selectOption({ label: '艾家湾采油作业区' })
      await page.getByRole('link', { name: '打印这些海报' }).click()
      await expect.poll(() => page.locator('article.poster').count()).toBe(6)
      expect(await page.locator('.poster-bar').innerText()).toContain('共 6 张海报')
      expect(await page.locator('.poster-title').allInnerTexts()).toEqual(Array(6).fill('职工意见码上提'))
      expect(await page.locator('.poster-union').allInnerTexts()).toEqual(Array(6).fill('艾家湾采油作业区工会委员会'))
      await expect.poll(() => page.locator('img.poster-qr').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true)
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1')
      expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length).toBe(6)
      // Every page A4 portrait (595 × 842 points), as the poster's @page asks.
      expect(pdf.match(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)?.map((box) => box.match(/[\d.]+/g)!.slice(2).map((n) => Math.round(Number(n))))).toEqual(Array(6).fill([595, 842]))
    })
  },
  { network: { publicOrigin: PUBLIC_ORIGIN } },
)
