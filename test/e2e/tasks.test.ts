import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { dayEnd } from '../../shared/time'
import { cast, dayFromToday, type Cast } from '../server/items/fixtures'
import { describeE2E } from './harness'
import { openReviewer } from './log-in'

// Uncaught page errors and dialogs nobody expected, checked at the end of each test.
const problems: string[] = []

const reviewer = (browser: Browser, baseUrl: string, username: string, width: number, start?: string): Promise<Page> =>
  openReviewer(browser, baseUrl, username, { problems, viewport: { width, height: 740 }, start })

/** An item accepted (with `summary` if given) and dispatched to a central station's handler `days` from today. */
async function dispatched(c: Cast, content: string, summary: string | null, days: number, to: 'handler1' | 'handler2' = 'handler1', extra: Record<string, unknown> = {}) {
  const { id } = await c.submit(content, extra)
  expect((await c.act(c.sessions.officer, id, 'accept', summary ? { summary } : {})).status).toBe(200)
  const res = await c.act(c.sessions.officer, id, 'dispatch', {
    unitId: to === 'handler1' ? c.units.cs1 : c.units.cs2,
    leaderId: c.ids.leader.id,
    responsibleId: c.ids[to].id,
    deadline: dayFromToday(days),
    instructions: summary === '班车晚点' ? '请与车队协调，一周内调整发车时间。' : undefined,
  })
  expect(res.status).toBe(200)
  return { id, assignmentId: res.body.assignments.at(-1).id as string, number: res.body.number as string }
}

/** Whether the element lies wholly inside the window. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.bottom <= innerHeight
  })

describeE2E('我的待办 and the 交办单', (e2e) => {
  it('a handler lands on 我的待办 at 360 px, overdue first, reports in one tap, and prints a one-page 交办单 without the submitter', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    const c = await cast(db)
    const later = await dispatched(c, '一站值班室的空调制冷效果差，夏天值班很难受', '值班室空调', 6)
    const today = await dispatched(c, '一站宿舍的热水器坏了一个星期了，冬天洗澡只能去基地', null, 0)
    const late = await dispatched(c, '一站到基地的班车经常晚点，希望调整发车时间', '班车晚点', 2, 'handler1', {
      anonymous: false,
      submitter: { name: '王师傅', employeeNo: 'E20931', phone: '13912345678' },
    })
    await dispatched(c, '二站食堂的饭菜太咸', '二站食堂', 1, 'handler2')
    // Two days past its deadline, and the supervising leader has written an instruction on it.
    await db.db.updateTable('assignments').set({ deadline: dayEnd(dayFromToday(-2)) }).where('id', '=', late.assignmentId).execute()
    expect((await c.act(c.sessions.leader, late.id, 'instruct', { text: '请一站站长亲自跟进，本周内答复员工。' })).status).toBe(200)
    // The union may see who wrote it: the slip must leave it out all the same.
    expect((await c.sessions.officer.get(`/api/admin/items/${late.id}`)).body.submitter.name).toBe('王师傅')

    const phone = await reviewer(browser, baseUrl, 'handler1', 360)
    const cards = phone.locator('.adm-task')
    await expect.poll(() => cards.locator('.adm-row-title').allInnerTexts()).toEqual(['班车晚点', '一站宿舍的热水器坏了一个星期了，冬天洗澡只能去基地', '值班室空调'])
    expect(await cards.locator('.adm-task-days').allInnerTexts()).toEqual(['已超期 2 天', '今天到期', '还剩 6 天'])
    expect(await cards.locator('.adm-number').allInnerTexts()).toEqual([late.number, today.number, later.number])
    expect(await cards.first().getAttribute('class')).toContain('adm-row-overdue')
    expect(await cards.first().locator('.adm-task-days').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(192, 57, 43)')
    // Not the union's desk, no union-wide figures, and nothing wider than the phone.
    expect(await phone.locator('.adm-brand').innerText()).toBe('有意见码上提 · 工作台')
    expect(await phone.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的待办' }).getAttribute('aria-current')).toBe('page')
    expect(await phone.locator('.adm-figure').count()).toBe(0)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await phone.screenshot({ path: 'test-results/tasks-360.png', fullPage: true })
    // Neither does the inbox show a handler the figures.
    await phone.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '意见列表' }).click()
    await phone.locator('.adm-row').first().waitFor()
    expect(await phone.locator('.adm-stats').count()).toBe(0)
    await phone.goBack()

    // The 交办单 from the card.
    await cards.first().getByRole('link', { name: '打印交办单' }).click()
    const slip = phone.locator('.slip')
    await expect.poll(() => slip.innerText()).toContain('一站到基地的班车经常晚点')
    await phone.screenshot({ path: 'test-results/slip-360.png', fullPage: true })
    await phone.goBack()

    // One tap from the card to the report form, in sight; reported, the task drops off.
    await cards.first().getByRole('link', { name: '报告办理结果' }).click()
    await phone.getByLabel('办理情况').waitFor()
    await expect.poll(() => inView(phone, '#report-text')).toBe(true)
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe('report-outcome')
    await phone.screenshot({ path: 'test-results/tasks-report-360.png', fullPage: true })
    await phone.getByLabel('办理情况').fill('已与车队协调，发车时间提前二十分钟。')
    await phone.getByRole('button', { name: '反馈', exact: true }).click()
    await expect.poll(() => phone.locator('.adm-facts .adm-status').innerText()).toBe('已反馈')
    await phone.getByRole('link', { name: '← 我的待办' }).click()
    await expect.poll(() => cards.locator('.adm-row-title').allInnerTexts()).toEqual(['一站宿舍的热水器坏了一个星期了，冬天洗澡只能去基地', '值班室空调'])

    // The union's copy of the slip, printed: A4, one page, no header, menu or buttons, no submitter.
    const desk = await reviewer(browser, baseUrl, 'officer', 1280, `#/items/${late.id}/slip/${late.assignmentId}`)
    const sheet = desk.locator('.slip')
    await expect.poll(() => sheet.innerText()).toContain('班车晚点')
    // As wide as A4 at 96 dpi, so that the screenshot shows the sheet as the paper will.
    await desk.setViewportSize({ width: 794, height: 1123 })
    await desk.emulateMedia({ media: 'print' })
    await desk.screenshot({ path: 'test-results/slip-print.png', fullPage: true })
    expect(await desk.locator('.adm-header').isVisible()).toBe(false)
    expect(await desk.getByRole('navigation', { name: '主菜单' }).isVisible()).toBe(false)
    expect(await desk.getByRole('button', { name: '打印' }).isVisible()).toBe(false)
    const text = await sheet.innerText()
    for (const part of ['意见建议交办单', late.number, '民生事宜', '班车晚点', '一站到基地的班车经常晚点，希望调整发车时间', '第一中心站', '李主任', '一站站长', '请与车队协调，一周内调整发车时间。', '请一站站长亲自跟进，本周内答复员工。', '办理结果', '责任人签字', '主管领导签字']) {
      expect(text, part).toContain(part)
    }
    const page = await desk.locator('body').innerText()
    for (const secret of ['王师傅', 'E20931', '13912345678']) expect(page, secret).not.toContain(secret)
    const file = await desk.pdf({ format: 'A4', path: 'test-results/slip.pdf' })
    const pdf = file.toString('latin1')
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1)

    expect(problems).toEqual([])
    await phone.context().close()
    await desk.context().close()
  })

  it('shows an empty 我的待办 to a handler with nothing open, and offers it to leaders after the overview', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    const c = await cast(db)
    await dispatched(c, '二站食堂的饭菜太咸', '二站食堂', 1, 'handler2')
    const phone = await reviewer(browser, baseUrl, 'handler1', 360)
    await expect.poll(() => phone.locator('.adm-empty').innerText()).toBe('目前没有待办的交办事项。')
    const leader = await reviewer(browser, baseUrl, 'leader', 1280)
    const nav = leader.getByRole('navigation', { name: '主菜单' })
    expect((await nav.getByRole('link').allInnerTexts()).slice(0, 3)).toEqual(['工作台概览', '我的待办', '意见列表'])
    expect(await leader.locator('.adm-brand').innerText()).toBe('有意见码上提 · 工作台')
    await nav.getByRole('link', { name: '我的待办' }).click()
    await expect.poll(() => leader.locator('.adm-task .adm-row-title').allInnerTexts()).toEqual(['二站食堂'])
    // A leader supervises; reporting is the unit's.
    expect(await leader.getByRole('link', { name: '报告办理结果' }).count()).toBe(0)
    expect(problems).toEqual([])
    await phone.context().close()
    await leader.context().close()
  })
})
