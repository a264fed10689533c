import { writeFileSync } from 'node:fs'
import { sql as raw } from 'kysely'
import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { previousMonth } from '../../shared/report'
import { todayInChina } from '../../shared/time'
import { statsFixture } from '../server/items/stats-fixture'
import { describeE2E } from './harness'
import { logIn } from './log-in'

// Uncaught page errors, checked at the end.
const problems: string[] = []

async function reviewer(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1000, height: 1200 } })
  const page = await context.newPage()
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  await logIn(page, baseUrl, username)
  return page
}

/** The cells of each body row of the table under the heading `title`. */
async function table(page: Page, title: string): Promise<string[][]> {
  const rows = page.locator(`xpath=//h2[starts-with(normalize-space(.), "${title}")]/following-sibling::table[1]/tbody/tr`)
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())))
}

describeE2E('the printable monthly report (月报)', (e2e) => {
  it('shows February of the hand-computed fixture as the API counts it, and prints on A4 portrait without the admin frame', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    const { units } = await statsFixture(db)
    // The fixture closes A now; the report of February should list it as closed on 02-05.
    await db.db.updateTable('suggestion_events').set({ created_at: raw<Date>`${new Date('2026-02-05T10:00+08:00')}` } as never).where('kind', '=', 'close').execute()
    const page = await reviewer(browser, baseUrl, 'officer')

    // From the menu: last month, under the officer's own unit.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '月报', exact: true }).click()
    const month = page.getByLabel('月份')
    await expect.poll(() => month.inputValue()).toBe(previousMonth(todayInChina().slice(0, 7)))
    await page.locator('article.report h1').waitFor()

    await month.fill('2026-02')
    const title = page.locator('article.report h1')
    await expect.poll(() => title.innerText()).toBe('艾家湾采油作业区工会2026年2月意见建议办理情况月报')
    expect(page.url()).toContain('#/report?month=2026-02')

    // The figures are the API's, this month and last.
    const api = async (path: string) => (await page.context().request.get(`${baseUrl}${path}`)).json()
    const feb = await api('/api/admin/items/stats?from=2026-02-01&to=2026-02-28')
    const jan = await api('/api/admin/items/stats?from=2026-01-01&to=2026-01-31')
    const pct = (r: number) => `${Math.round(r * 1000) / 10}%`
    expect(await table(page, '一、主要指标')).toEqual([
      ['答复率', pct(feb.replyRate), '100%', pct(jan.replyRate), '▼ 60 个百分点'],
      ['落实率', pct(feb.implementationRate), '100%', pct(jan.implementationRate), '▼ 66.7 个百分点'],
      ['按期反馈率', pct(feb.onTimeRate), '100%', pct(jan.onTimeRate), '▼ 60 个百分点'],
      ['满意率', pct(feb.satisfactionRate), '100%', pct(jan.satisfactionRate), '▼ 50 个百分点'],
    ])
    expect(await table(page, '二、意见数量')).toEqual([
      ['收到意见', String(feb.received), String(jan.received)],
      ['待答复', String(feb.open), String(jan.open)],
      ['超期未反馈', String(feb.overdue), String(jan.overdue)],
      ['合理化建议', String(feb.proposals), String(jan.proposals)],
      ['首次答复用时中位数（天）', String(feb.medianDaysToReply), String(jan.medianDaysToReply)],
    ])
    const byUnit = await api('/api/admin/items/breakdown?by=unit&from=2026-02-01&to=2026-02-28')
    expect(await table(page, '四、按单位统计')).toEqual(byUnit.map((r: any) => [r.name, String(r.received), String(r.open), String(r.overdue), String(r.proposals), pct(r.replyRate), r.satisfactionRate === null ? '—' : pct(r.satisfactionRate)]))
    expect((await table(page, '三、按类别统计')).map((r) => r.slice(0, 2))).toEqual([['民生事宜', '6']])

    // The lists, against the inbox's own numbers.
    const proposals = await api('/api/admin/items?proposal=1&from=2026-02-01&to=2026-02-28')
    expect(await table(page, '五、合理化建议')).toEqual(proposals.items.map((i: any) => [i.number, i.excerpt, i.unit.name, '已受理']))
    const overdue = await api('/api/admin/items?overdue=1')
    expect(await table(page, '六、截至2026/02/28超期未反馈的交办')).toEqual([[overdue.items[0].number, '统计用的意见C的内容', '第一中心站', '第二中心站', '2026/02/15', '13']])
    const closed = await api('/api/admin/items?status=closed')
    expect(await table(page, '七、本月办结的意见')).toEqual([[closed.items[0].number, '统计用的意见A的内容', '第一中心站', '2026/02/05']])

    // Another unit: its own title and figures.
    await page.getByLabel('单位', { exact: true }).selectOption(units.cs2)
    await expect.poll(() => title.innerText()).toBe('第二中心站工会2026年2月意见建议办理情况月报')
    expect((await table(page, '二、意见数量'))[0]).toEqual(['收到意见', '2', '0'])
    expect(page.url()).toContain(`unitId=${units.cs2}`)
    await page.getByLabel('单位', { exact: true }).selectOption(units.cs1)
    await expect.poll(() => title.innerText()).toBe('第一中心站工会2026年2月意见建议办理情况月报')
    await page.screenshot({ path: 'test-results/report-screen.png', fullPage: true })

    // In English on the switch, and back.
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => title.innerText()).toBe('第一中心站 trade union: suggestions and their handling, February 2026')
    expect(await page.locator('article.report h2').first().innerText()).toBe('1. Key rates')
    await page.getByRole('button', { name: '中文' }).click()
    await expect.poll(() => title.innerText()).toBe('第一中心站工会2026年2月意见建议办理情况月报')

    // On paper: only the report, black on white, A4 portrait.
    await page.emulateMedia({ media: 'print' })
    // The screenshot as wide as the printed text: A4 less two 15 mm margins, 180 mm at 96 dpi.
    await page.setViewportSize({ width: 680, height: 1000 })
    expect(await page.locator('.adm-header').isVisible()).toBe(false)
    expect(await page.locator('.report-bar').isVisible()).toBe(false)
    expect(await page.locator('article.report').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)'])
    // Tables break cleanly: the header row on every page, no row cut in two.
    expect(await page.locator('.report-table thead').first().evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group')
    expect(await page.locator('.report-table tbody tr').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid')
    await page.screenshot({ path: 'test-results/report-print.png', fullPage: true })
    const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }))
    writeFileSync('test-results/report.pdf', pdf)
    // A4 portrait: 595.28 × 841.89 points. Playwright's `format: 'A4'` is 8.27 × 11.7 inches, which
    // Chromium rounds to 595.92 × 842.88; the report's own named @page gives A4 itself (Chromium's default is Letter, 612 × 792).
    const pageSizes = (bytes: Buffer) => (bytes.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) ?? []).map((box) => box.match(/[\d.]+/g)!.slice(2).map(Number) as [number, number])
    const sizes = pageSizes(pdf)
    expect(sizes.length).toBeGreaterThan(0)
    for (const [w, h] of sizes) expect([Math.floor(w), h >= 841 && h < 843]).toEqual([595, true])
    const own = pageSizes(Buffer.from(await page.pdf({ preferCSSPageSize: true })))
    expect(own.map(([w, h]) => [Math.round(w), Math.round(h)])).toEqual(Array(sizes.length).fill([595, 842]))
    expect(problems).toEqual([])
  })
})
