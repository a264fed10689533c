import { expect, it } from 'vitest'
import { webhookReceiver } from '../helpers/webhook-receiver'
import { cast } from '../server/items/fixtures'
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
})
