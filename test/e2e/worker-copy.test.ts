import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { createUser, TEST_PASSWORD } from '../helpers/admin'
import { describeE2E } from './harness'
import { fillForm } from './worker-form'

describeE2E('the worker\'s screens say what is true, plainly, and fit a thumb', (e2e) => {
  it('at 320 px: one main landmark, tabs on one line, every control at least 48 px high, the place said once', async () => {
    const { browser, baseUrl } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 320, height: 640 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from strong').innerText()).toBe('第一中心站生活点文化墙')
    expect(await page.getByRole('main').count()).toBe(1)
    const tabs = await page.getByRole('tab').evaluateAll((els) => els.map((el) => ({ text: el.textContent, height: el.getBoundingClientRect().height })))
    expect(tabs.map((t) => t.text)).toEqual(['提意见', '我的意见', '查询'])
    for (const tab of tabs) expect([tab.text, tab.height >= 48, tab.height < 70]).toEqual([tab.text, true, true])
    // A checkbox's target is its whole label row.
    const small = await page.locator('button, select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), label.check').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().height < 48).map((el) => el.outerHTML.slice(0, 80)),
    )
    expect(small).toEqual([])
    await context.close()
  })

  it('gives the 查询码 a copy button, shows the text under 查询, and names the officer who chose to be named', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('文化墙')
    await fillForm(page, { category: 'livelihood', content: '澡堂的热水只开到晚上八点，夜班下来洗不上。' })
    await page.getByRole('button', { name: '提交' }).click()
    const code = (await page.getByTestId('follow-up-code').innerText()).trim()
    await page.getByRole('button', { name: '复制查询码' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code)
    expect(await page.getByText('已复制').count()).toBe(1)

    // The union answers and shows the officer's name.
    await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from suggestions`.execute(db.db)).rows[0]!.n).toBe(1)
    await sql`update suggestions set status = 'replied'`.execute(db.db)
    await sql`insert into suggestion_events (suggestion_id, kind, from_status, to_status, actor_kind, is_public, public_text, data)
      select id, 'reply', 'submitted', 'replied', 'officer', true, '已和后勤商量，热水延长到夜里十二点。', ${JSON.stringify({ channel: 'app', officerName: '工会干事小王' })} from suggestions`.execute(db.db)
    await page.getByRole('tab', { name: '查询' }).click()
    await page.getByLabel('查询码').fill(code)
    await page.getByRole('button', { name: '查询', exact: true }).click()
    await expect.poll(() => page.locator('.lookup').innerText()).toContain('澡堂的热水只开到晚上八点')
    expect(await page.locator('.lookup').innerText()).toContain('答复人：工会干事小王')
    await context.close()
  })
})

describeE2E('the union\'s promised time to answer', (e2e) => {
  it('is set by an officer on its desk, and the worker reads it after submitting and under 我的意见', async () => {
    const { browser, baseUrl, db } = e2e()
    await createUser(db.db, 'wang', 'officer', '艾家湾采油作业区', '工会干事小王')
    const desk = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await desk.goto(`${baseUrl}/admin`)
    await desk.getByLabel('用户名').fill('wang')
    await desk.getByLabel('密码').fill(TEST_PASSWORD)
    await desk.getByRole('button', { name: '登录' }).click()
    await desk.getByRole('link', { name: '答复模板' }).click()
    const days = desk.getByLabel('收到意见后多少天内答复员工（1 到 365 天；空着表示不承诺）')
    await expect.poll(() => days.inputValue()).toBe('7')
    await days.fill('5')
    await desk.getByRole('button', { name: '保存' }).first().click()
    await expect.poll(() => desk.getByText('已保存。').count()).toBe(1)

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('文化墙')
    await fillForm(page, { category: 'skills', content: '希望组织一次新抽油机的操作培训。' })
    await page.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => page.locator('.done').innerText()).toContain('工会一般在 5 天内答复。')
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item').innerText(), { timeout: 15_000 }).toMatch(/预计 \d+月\d+日 前答复/)
    await context.close()
  })
})
