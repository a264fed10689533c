import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { BreakdownRow, Stats } from '../../shared/admin-api'
import { todayInChina } from '../../shared/time'
import { createUser, login } from '../helpers/admin'
import { postJson, testApp } from '../helpers/test-app'
import { workerItem } from '../helpers/worker-item'
import { describeE2E } from './harness'
import { logIn } from './log-in'

const problems: string[] = []

async function reviewerPage(browser: Browser, baseUrl: string, width: number, username = 'officer1'): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  await logIn(page, baseUrl, username)
  return page
}

/** The API's answer as the logged-in officer's browser gets it. */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path) as Promise<T>
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)

describeE2E('the dashboard', (e2e) => {
  it('is the officer’s start page: the figures of this month match the API, a bar and a row link open the inbox filtered', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    await createUser(db.db, 'officer1', 'officer', '艾家湾采油作业区', '工会干事李')
    // Items this month: two from the first station's poster, one from the second's; one answered, one a proposal.
    const app = testApp(db)
    const items = [
      workerItem('第一中心站宿舍的热水器坏了一个星期。'),
      workerItem('食堂晚饭太早，夜班的同事吃不上热饭。', { category: 'pay' }),
      workerItem('第二中心站澡堂的排风扇不转了。', { entryPoint: 'cs2' }),
    ]
    expect((await postJson(app, '/api/suggestions', { items })).status).toBe(201)
    const officer = await login(app, 'officer1')
    const act = async (id: string, action: string, body: Record<string, unknown> = {}) => {
      const seen = await officer.get(`/api/admin/items/${id}`)
      expect((await officer.post(`/api/admin/items/${id}/${action}`, { version: seen.body.version, ...body })).status).toBe(200)
    }
    await act(items[0]!.id, 'accept', { proposal: true })
    await act(items[0]!.id, 'reply', { text: '已联系维修，周五前修好。', channel: 'app' })

    const page = await reviewerPage(browser, baseUrl, 1280)
    // The start page is the overview, and the inbox is one click away.
    await page.getByRole('heading', { name: '工作台概览', level: 1 }).waitFor()
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '意见列表' }).count()).toBe(1)

    const today = todayInChina()
    const from = `${today.slice(0, 7)}-01`
    const range = await page.locator('.dash-range').innerText()
    expect(range.startsWith(from)).toBe(true)
    const to = range.split('–')[1]!.trim()
    const stats = await apiGet<Stats>(page, `/api/admin/items/stats?from=${from}&to=${to}`)
    expect(stats.received).toBe(3)
    const card = (name: string) => page.locator(`[data-figure="${name}"] .dash-value`)
    await expect.poll(() => card('received').innerText()).toBe('3')
    for (const name of ['replyRate', 'implementationRate', 'onTimeRate', 'satisfactionRate'] as const) expect(await card(name).innerText()).toBe(pct(stats[name]))
    for (const name of ['open', 'overdue', 'proposals'] as const) expect(await card(name).innerText()).toBe(String(stats[name]))
    expect(stats.proposals).toBe(1)
    // Each figure says what it counts.
    expect(await page.locator('[data-figure="replyRate"] .dash-def').innerText()).toContain('需要答复的意见数')

    // The unit breakdown's table is the API's.
    const byUnit = await apiGet<BreakdownRow[]>(page, `/api/admin/items/breakdown?by=unit&from=${from}&to=${to}`)
    const unitRows = page.locator('[data-breakdown="unit"] tbody tr')
    await expect.poll(() => unitRows.count()).toBe(byUnit.length)
    for (const [i, row] of byUnit.entries()) {
      const cells = await unitRows.nth(i).locator('th, td').allInnerTexts()
      expect(cells.slice(0, 3)).toEqual([row.name, String(row.received), pct(row.replyRate)])
    }
    const station1 = byUnit.find((r) => r.name === '第一中心站')!
    expect(station1.received).toBe(2)

    // The category chart drawn, with a bar per row; clicking the first bar (the busiest category) opens its items.
    const categoryChart = page.locator('[data-breakdown="category"] .dash-chart-box svg')
    await categoryChart.waitFor()
    await page.screenshot({ path: 'test-results/dashboard-desktop.png', fullPage: true })
    const byCategory = await apiGet<BreakdownRow[]>(page, `/api/admin/items/breakdown?by=category&from=${from}&to=${to}`)
    expect(byCategory[0]!.key).toBe('livelihood')
    const bar = page.locator('[data-breakdown="category"] .dash-chart-box svg path[fill="#b3261e"]').first()
    await bar.click()
    await page.waitForURL(/#\/items\?/)
    const clicked = new URLSearchParams(new URL(page.url()).hash.split('?')[1])
    expect(Object.fromEntries(clicked)).toEqual({ category: 'livelihood', from, to })
    await expect.poll(() => page.locator('.adm-row').count()).toBe(2)
    expect(await page.locator('.adm-rows').innerText()).not.toContain('吃不上热饭')

    // Back on the overview, the row link of the first station lists its two items only.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作台概览' }).click()
    await page.locator('[data-breakdown="unit"]').getByRole('link', { name: '第一中心站', exact: true }).click()
    await page.waitForURL(/#\/items\?/)
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('unitId')).toBe(station1.key)
    await expect.poll(() => page.locator('.adm-row').count()).toBe(2)
    expect(await page.locator('.adm-rows').innerText()).not.toContain('排风扇')

    // The QR point's row leads to its items, by the point's code.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作台概览' }).click()
    await page.locator('[data-breakdown="entryPoint"]').getByRole('link', { name: '第二中心站生活点文化墙' }).click()
    await page.waitForURL(/entryPoint=cs2/)
    await expect.poll(() => page.locator('.adm-row').count()).toBe(1)
    expect(await page.locator('.adm-rows').innerText()).toContain('排风扇')

    // 待答复 lists the two items not answered yet.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作台概览' }).click()
    await page.locator('[data-figure="open"]').getByRole('link').click()
    await page.waitForURL(/status=/)
    await expect.poll(() => page.locator('.adm-row').count()).toBe(2)
    expect(await page.locator('.adm-rows').innerText()).not.toContain('热水器')

    // The proposals figure leads to the one proposal.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作台概览' }).click()
    await page.locator('[data-figure="proposals"]').getByRole('link').click()
    await page.waitForURL(/proposal=1/)
    await expect.poll(() => page.locator('.adm-row').count()).toBe(1)
    expect(await page.locator('.adm-rows').innerText()).toContain('热水器')

    // Last month had none of them; a custom period of today has all three.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作台概览' }).click()
    await page.getByLabel('统计期间').selectOption('lastMonth')
    await expect.poll(() => page.locator('.dash-range').innerText()).not.toContain(from)
    await expect.poll(() => card('received').innerText()).toBe('0')
    await page.getByLabel('统计期间').selectOption('custom')
    await page.getByLabel('起始日期').fill(today)
    await page.getByLabel('截止日期').fill(today)
    await expect.poll(() => page.locator('.dash-range').innerText()).toBe(`${today} – ${today}`)
    await expect.poll(() => card('received').innerText()).toBe('3')
    expect(await page.locator('[data-figure="received"] .dash-prev').innerText()).toBe('上期 0 ▲ +3')
    // The period lives in the address: back from the inbox, the overview shows the same one.
    await page.locator('[data-figure="received"]').getByRole('link').click()
    await page.waitForURL(/#\/items\?/)
    await page.goBack()
    await expect.poll(() => page.locator('.dash-range').innerText()).toBe(`${today} – ${today}`)
    expect(await page.getByLabel('统计期间').inputValue()).toBe('custom')

    // On a phone the charts stack under their tables, and nothing is wider than the screen.
    const phone = await reviewerPage(browser, baseUrl, 360)
    await phone.locator('[data-breakdown="unit"] .dash-chart-box svg').waitFor()
    const table = await phone.locator('[data-breakdown="unit"] .dash-pair-table').boundingBox()
    const chart = await phone.locator('[data-breakdown="unit"] .dash-chart').boundingBox()
    expect(chart!.y).toBeGreaterThan(table!.y + table!.height - 1)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    // Every screen of the menu is in sight (a second row), none behind a sideways scroll.
    const menu = await phone.locator('.adm-nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => [r.left, r.right]))
    expect(menu.length).toBeGreaterThanOrEqual(5)
    for (const [left, right] of menu) expect([left! >= 0, right! <= 360]).toEqual([true, true])
    await phone.screenshot({ path: 'test-results/dashboard-360.png', fullPage: true })
    await phone.screenshot({ path: 'test-results/dashboard-360-top.png' })
    await phone.locator('[data-breakdown="unit"]').scrollIntoViewIfNeeded()
    await phone.screenshot({ path: 'test-results/dashboard-360-unit.png' })
    // The English switch relabels the overview, figures included.
    await phone.getByRole('button', { name: 'English' }).click()
    await phone.getByRole('heading', { name: 'Overview', level: 1 }).waitFor()
    expect(await phone.locator('[data-figure="replyRate"] .dash-label').innerText()).toBe('Reply rate')
    await phone.screenshot({ path: 'test-results/dashboard-360-en.png' })
    expect(problems).toEqual([])
  })

  it('is the leader’s start page too; a handler starts on 我的待办 and has no overview', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    await createUser(db.db, 'leader1', 'leader', '艾家湾采油作业区', '赵副经理')
    await createUser(db.db, 'handler1', 'handler', '第一中心站', '王站长')
    const leader = await reviewerPage(browser, baseUrl, 1280, 'leader1')
    await leader.getByRole('heading', { name: '工作台概览', level: 1 }).waitFor()
    await leader.locator('[data-figure="received"] .dash-value').waitFor()
    const handler = await reviewerPage(browser, baseUrl, 1280, 'handler1')
    const nav = handler.getByRole('navigation', { name: '主菜单' })
    await expect.poll(() => nav.getByRole('link', { name: '我的待办' }).getAttribute('aria-current')).toBe('page')
    expect(await nav.getByRole('link', { name: '工作台概览' }).count()).toBe(0)
    // The overview's address leads a handler to their tasks.
    await handler.goto(`${baseUrl}/admin#/dashboard`)
    await expect.poll(() => nav.getByRole('link', { name: '我的待办' }).getAttribute('aria-current')).toBe('page')
    expect(await handler.locator('.dash').count()).toBe(0)
    expect(problems).toEqual([])
  })
})
