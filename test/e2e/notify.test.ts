import { expect, it } from 'vitest'
import { deliverDue } from '../../server/notify/sender'
import { dayEnd } from '../../shared/time'
import { webhookReceiver } from '../helpers/webhook-receiver'
import { cast, dayFromToday } from '../server/items/fixtures'
import { describeE2E } from './harness'
import { logIn } from './log-in'

describeE2E('消息通知: an admin sets up a work group and tests it from a phone', (e2e) => {
  it('adds a 企业微信 channel at 360 px, sends a test message that the group receives, and sees the delivery', { timeout: 60_000 }, async () => {
    const { browser, baseUrl, db } = e2e()
    const c = await cast(db)
    const receiver = await webhookReceiver()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    page.on('dialog', (d) => void d.accept())
    await logIn(page, baseUrl, c.ids.admin.username, { start: '#/notify' })
    await page.getByRole('heading', { name: '消息通知', level: 1 }).waitFor()
    await page.getByText('未配置：没有通道的单位的消息发不出去').waitFor()

    await page.getByLabel('所属单位').selectOption({ label: '第一中心站' })
    await page.getByLabel('名称').fill('一站工作群')
    await page.getByLabel('Webhook 地址').fill(`${receiver.base}/cgi-bin/webhook/send?key=k1`)
    await page.getByRole('button', { name: '创建' }).click()
    const card = page.getByRole('article', { name: '一站工作群' })
    await card.waitFor()
    await card.getByRole('button', { name: '发送测试消息' }).click()
    await card.getByText('测试消息已发送。').waitFor()
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]!.body.markdown.content).toContain('一站工作群')
    await expect.poll(() => card.getByText('已发送 1 · 失败 0 · 待发送 0').count()).toBe(1)
    await card.locator('summary').click()
    await page.screenshot({ path: 'test-results/notify-360.png', fullPage: true })
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // A robot that refuses: the admin reads why.
    receiver.answer(() => ({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }))
    await card.getByRole('button', { name: '发送测试消息' }).click()
    await card.getByText('测试消息没有发出：errcode 93000: invalid webhook url').waitFor()
    expect(errors).toEqual([])
    await context.close()
    await receiver.close()
  })

  it('an officer on a weak phone link presses (催办) an overdue dispatch: on the timeline, and the unit’s group hears it', { timeout: 60_000 }, async () => {
    const { browser, baseUrl, db } = e2e()
    const c = await cast(db)
    const receiver = await webhookReceiver()
    expect((await c.sessions.admin.post('/api/admin/notify/channels', { unitId: c.units.cs1, kind: 'wecom', name: '一站工作群', url: `${receiver.base}/send?key=k` })).status).toBe(201)
    const { id } = await c.submit('一站到基地的班车经常晚点，希望调整发车时间', { anonymous: false, submitter: { name: '王师傅', phone: '13912345678' } })
    await c.act(c.sessions.officer, id, 'accept', { summary: '班车晚点' })
    const dispatched = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(3) })
    await db.db.updateTable('assignments').set({ deadline: dayEnd(dayFromToday(-1)) }).where('id', '=', dispatched.body.assignments[0].id).execute()
    await deliverDue(db.db, { origin: null, fallbackUrl: null })
    receiver.received.length = 0

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    // A weak link at a well site: 400 ms each way, about 50 KB/s.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 25_000 })
    await logIn(page, baseUrl, 'officer', { start: `#/items/${id}` })
    await page.getByRole('heading', { name: '催办' }).waitFor({ timeout: 20_000 })
    await page.getByLabel('催办说明（可不填）').fill('职工反映强烈，请今天落实。')
    await page.getByRole('button', { name: '催办', exact: true }).click()
    await expect.poll(() => page.locator('.adm-item-main').innerText(), { timeout: 20_000 }).toContain('职工反映强烈，请今天落实。')
    await page.screenshot({ path: 'test-results/urge-360.png', fullPage: true })
    // Pressed once: the button is still offered, and a second press within 4 hours is refused in words.
    await page.getByRole('button', { name: '催办', exact: true }).click()
    await page.getByText('这项交办刚催办过').waitFor({ timeout: 20_000 })
    await deliverDue(db.db, { origin: 'https://yijian.example.com', fallbackUrl: null })
    expect(receiver.received).toHaveLength(1)
    const content: string = receiver.received[0]!.body.markdown.content
    expect(content).toContain(`【催办】${dispatched.body.number} 已超期 1 天`)
    expect(content).toContain('工会催办（工会干事小王）：职工反映强烈，请今天落实。')
    expect(content).not.toMatch(/王师傅|13912345678/)
    await context.close()
    await receiver.close()
  })
})
