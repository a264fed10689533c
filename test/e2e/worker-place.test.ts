import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'
import { fillForm } from './worker-form'

describeE2E('a worker who arrives without a QR code', (e2e) => {
  it('chooses the place from the QR points by unit, the phone remembers it, and the list works offline', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/`)
    const picker = page.getByLabel('选择地点')
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(6)
    expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual(
      expect.arrayContaining(['艾家湾采油作业区', '艾家湾采油作业区 · 第一中心站']),
    )
    await fillForm(page, { category: 'livelihood', content: '没有扫码，从群里的链接打开也要能提意见。' })
    await page.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => page.locator('.error').allInnerTexts()).toContain('请选择您所在的井站或地点')
    await picker.selectOption({ label: '第二中心站生活点文化墙' })
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByTestId('follow-up-code').waitFor()
    await expect.poll(async () => (await sql<{ code: string }>`select e.code from suggestions s join entry_points e on e.id = s.entry_point_id`.execute(db.db)).rows).toEqual([{ code: 'cs2' }])

    // Next time the place is already chosen.
    const lookedUp = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/entry-points/cs2')
    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.getByLabel('选择地点').inputValue()).toBe('cs2')
    // The page asks the server about cs2 and, when it answers, remembers cs2 again: only once
    // that answer is in may the test forget the place (it raced before, and cs2 came back).
    await (await lookedUp).finished()
    await page.waitForLoadState('networkidle')
    // With no answer from the server the list comes from the phone.
    await page.evaluate(() => localStorage.removeItem('yj.lastEntryPoint'))
    await context.route('**/api/entry-points', (route) => route.abort('internetdisconnected'))
    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.getByLabel('选择地点').locator('option').count()).toBeGreaterThan(6)
    expect(await page.getByLabel('选择地点').inputValue()).toBe('')
    await context.close()
  })

  it('keeps the QR code as the fast path: a scanned code shows 来自 and no choice', async () => {
    const { browser, baseUrl } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('第一中心站生活点文化墙')
    expect(await page.getByLabel('选择地点').count()).toBe(0)
    await context.close()
  })
})
