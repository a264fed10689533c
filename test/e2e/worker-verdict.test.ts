import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { cast } from '../server/items/fixtures'
import { describeE2E } from './harness'

describeE2E('the worker reads the answer and gives a verdict', (e2e) => {
  it('shows the reply under 我的意见; 不满意 with a message sends the item back to the union', async () => {
    const { browser, baseUrl, db } = e2e()
    const { sessions, act } = await cast(db)
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.getByLabel('类别').selectOption('livelihood')
    await page.getByLabel('意见内容').fill('宿舍楼的洗衣机坏了两台，排队要等很久。')
    await page.getByLabel('匿名提交').check()
    await page.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')
    const { rows } = await sql<{ id: string }>`select id from suggestions`.execute(db.db)
    const id = rows[0]!.id
    expect((await act(sessions.officer, id, 'accept', { category: 'livelihood', summary: '洗衣机', tags: [], proposal: false })).status).toBe(200)
    expect((await act(sessions.officer, id, 'reply', { text: '已报修，下周到货。', channel: 'app' })).status).toBe(200)

    await page.getByRole('tab', { name: '我的意见' }).click()
    await page.getByRole('button', { name: '立即同步' }).click()
    const item = page.locator('.item')
    await expect.poll(() => item.locator('.badge').innerText(), { timeout: 15_000 }).toBe('已答复')
    expect(await item.locator('.timeline .reply').innerText()).toContain('已报修，下周到货。')

    await item.getByLabel('不满意').check()
    await item.getByLabel('补充说明（选填）').fill('上个月也说下周到货。')
    await item.getByRole('button', { name: '提交评价' }).click()
    await expect.poll(() => item.locator('.badge').innerText()).toBe('已受理')
    expect(await item.getByRole('button', { name: '提交评价' }).count()).toBe(0)
    // Sent online: the note says so, not "saved on this phone".
    await expect.poll(() => item.getByRole('status').allInnerTexts()).toEqual(['已收到，谢谢。'])
    const after = await sessions.officer.get(`/api/admin/items/${id}`)
    expect(after.body.status).toBe('accepted')
    expect(after.body.rating).toBe('unsatisfied')
    await context.close()
  })
})
