import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { todayInChina } from '../../shared/time'
import { createUser, unitId } from '../helpers/admin'
import { describeE2E } from './harness'
import { openReviewer } from './log-in'

const HOSTILE = '<img src=x onerror=alert(1)> 第一中心站宿舍的热水器坏了一个星期，请尽快修理。'

// Alerts (an injected script running) and uncaught page errors, checked at the end of each test.
const problems: string[] = []

/** A reviewer's own browser, logged in through the form, on the inbox (officers and leaders start on the overview). */
const reviewer = (browser: Browser, baseUrl: string, username: string): Promise<Page> => openReviewer(browser, baseUrl, username, { problems, start: '#/items' })

/** The deadline a week from today, China time. */
function inAWeek(): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 7)
  return d.toISOString().slice(0, 10)
}

describeE2E('the reviewers close the loop in the browser', (e2e) => {
  it('officer accepts and dispatches, the handler reports, the officer replies, and the worker sees the answer', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    await createUser(db.db, 'officer1', 'officer', '艾家湾采油作业区', '工会干事李')
    const leader = await createUser(db.db, 'leader1', 'leader', '艾家湾采油作业区', '赵副经理')
    const handler = await createUser(db.db, 'handler1', 'handler', '第一中心站', '王站长')
    const station = await unitId(db.db, '第一中心站')

    // The worker submits anonymously from the central station's poster.
    const workerContext = await browser.newContext({ locale: 'zh-CN' })
    const worker = await workerContext.newPage()
    await worker.goto(`${baseUrl}/?s=cs1`)
    await worker.getByLabel('类别').selectOption('livelihood')
    await worker.getByLabel('意见内容').fill(HOSTILE)
    await worker.getByLabel('匿名提交').check()
    await worker.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => worker.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')
    // Sent online: the server's number is shown beside the 查询码 at once.
    await expect.poll(() => worker.locator('.done').innerText()).toMatch(/编号：YJ-\d{4}-\d{4,}/)
    const number = /YJ-\d{4}-\d{4,}/.exec(await worker.locator('.done').innerText())![0]

    // The officer finds it in the inbox, by its number: the markup is shown as text, never run.
    const officer = await reviewer(browser, baseUrl, 'officer1')
    const row = officer.locator('.adm-row', { hasText: '热水器' })
    await expect.poll(() => row.locator('.adm-row-title').innerText()).toContain('<img src=x onerror=alert(1)>')
    expect(await row.locator('.adm-number').innerText()).toBe(number)
    expect(await officer.locator('.adm-rows img').count()).toBe(0)
    await row.locator('.adm-row-title').click()
    await expect.poll(() => officer.locator('.adm-content').innerText()).toBe(HOSTILE)
    expect(await officer.locator('.adm-facts .adm-number').innerText()).toBe(number)
    expect(await officer.locator('.adm-item img').count()).toBe(0)

    await officer.getByLabel('摘要').fill('第一中心站宿舍热水器维修')
    await officer.getByRole('button', { name: '受理', exact: true }).click()
    await officer.getByLabel('承办单位').waitFor()
    await officer.getByLabel('承办单位').selectOption(station)
    await officer.getByLabel('主管领导').selectOption(leader.id)
    await officer.getByLabel('责任人').selectOption(handler.id)
    await officer.getByLabel('完成时限').fill(inAWeek())
    await officer.getByLabel('办理要求').fill('一周内修好，修好后反馈。')
    await officer.getByRole('button', { name: '交办', exact: true }).click()
    await expect.poll(() => officer.locator('.adm-assignment').innerText()).toContain('王站长')

    // The handler sees what was dispatched to the station and reports back.
    const station1 = await reviewer(browser, baseUrl, 'handler1')
    await station1.locator('.adm-row-title', { hasText: '热水器维修' }).click()
    expect(await station1.getByRole('button', { name: '受理', exact: true }).count()).toBe(0)
    await station1.getByLabel('办理结果').selectOption('completed')
    await station1.getByLabel('办理情况').fill('已更换热水器加热管，试用正常。')
    await station1.getByRole('button', { name: '反馈', exact: true }).click()
    await expect.poll(() => station1.locator('.adm-facts .adm-status').innerText()).toBe('已反馈')

    // The officer answers the worker.
    await officer.reload()
    await officer.getByLabel('答复内容').fill('热水器已经修好，感谢您的意见。')
    await officer.getByLabel('答复方式').selectOption('app')
    await officer.getByRole('button', { name: '答复', exact: true }).click()
    await expect.poll(() => officer.locator('.adm-facts .adm-status').innerText()).toBe('已答复')
    await officer.getByRole('button', { name: '办结', exact: true }).waitFor()

    // The inbox's figures count it: answered, and its one dispatch reported completed on time.
    await officer.goto(`${baseUrl}/admin#/items`)
    const figure = (label: string) => officer.locator('.adm-figure', { has: officer.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd')
    await expect.poll(() => figure('答复率').innerText()).toBe('100%')
    expect(await figure('落实率').innerText()).toBe('100%')
    expect(await figure('按期反馈率').innerText()).toBe('100%')
    expect(await figure('满意率').innerText()).toBe('—')
    expect(await figure('收到意见').innerText()).toBe('1')

    // The worker's device syncs on its next start and shows the answer under 我的意见.
    await worker.reload()
    await worker.getByRole('tab', { name: '我的意见' }).click()
    await expect
      .poll(() => worker.locator('.item', { hasText: '热水器' }).innerText(), { timeout: 20_000 })
      .toContain('热水器已经修好，感谢您的意见。')
    expect(await worker.locator('.item', { hasText: '热水器' }).innerText()).toContain(`编号：${number}`)
    expect(problems).toEqual([])
    await workerContext.close()
    await officer.context().close()
    await station1.context().close()
  })

  it('shows a wrong password, and tells the second of two officers that the item moved on, then reloads it', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    await createUser(db.db, 'officer1', 'officer')
    await createUser(db.db, 'officer2', 'officer')
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/admin#/items`)
    await page.getByLabel('用户名').fill('officer1')
    await page.getByLabel('密码').fill('not the password')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('用户名或密码不正确。')
    await context.close()

    const worker = await (await browser.newContext()).newPage()
    await worker.goto(`${baseUrl}/?s=base-wall`)
    await worker.getByLabel('类别').selectOption('skills')
    await worker.getByLabel('意见内容').fill('希望多组织几次井控和电工的技能培训。')
    await worker.getByLabel('匿名提交').check()
    await worker.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => worker.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')

    const first = await reviewer(browser, baseUrl, 'officer1')
    const second = await reviewer(browser, baseUrl, 'officer2')
    for (const p of [first, second]) {
      await p.locator('.adm-row-title', { hasText: '技能培训' }).click()
      await p.getByRole('button', { name: '受理', exact: true }).waitFor()
    }
    await first.getByRole('button', { name: '受理', exact: true }).click()
    await expect.poll(() => first.locator('.adm-facts .adm-status').innerText()).toBe('已受理')
    await second.getByLabel('不予采纳理由（员工可见）').fill('重复了')
    await second.getByRole('button', { name: '不予采纳', exact: true }).click()
    await expect.poll(() => second.getByRole('alert').first().innerText()).toContain('已重新加载最新内容')
    await expect.poll(() => second.locator('.adm-facts .adm-status').innerText()).toBe('已受理')
    const mainNumber = await second.locator('.adm-facts .adm-number').innerText()

    // The same wish again: the officer merges it into the first, found by its number.
    await worker.getByRole('button', { name: '再提一条' }).click()
    await worker.getByLabel('类别').selectOption('skills')
    await worker.getByLabel('意见内容').fill('技能培训太少了，希望每个月都有一次。')
    await worker.getByLabel('匿名提交').check()
    await worker.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => worker.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')
    await first.goto(`${baseUrl}/admin#/items`)
    await first.locator('.adm-row-title', { hasText: '每个月' }).click()
    await first.getByLabel('查找主意见').fill(mainNumber.toLowerCase())
    await first.getByRole('radio', { name: mainNumber }).check()
    await first.getByRole('button', { name: '合并', exact: true }).click()
    await expect.poll(() => first.locator('.adm-facts .adm-status').innerText()).toBe('已合并')
    expect(await first.locator('.adm-facts').innerText()).toContain(mainNumber)
    expect(problems).toEqual([])
    await worker.context().close()
    await first.context().close()
    await second.context().close()
  })
})
