import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { cast } from '../server/items/fixtures'
import { describeE2E } from './harness'
import { fillForm } from './worker-form'

type Notice = { title: string; body: string; data: unknown }

/** The app's notifications as the page's service worker registration lists them. */
const notices = (page: Page) =>
  page.evaluate(() =>
    navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((list) => list.map((n) => ({ title: n.title, body: n.body, data: n.data as unknown }))),
  ) as Promise<Notice[]>

async function submit(page: Page, content: string): Promise<void> {
  await fillForm(page, { category: 'livelihood', content })
  await page.getByRole('button', { name: '提交' }).click()
  await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')
}

describeE2E('the union\'s answers announce themselves on the worker\'s phone', (e2e) => {
  it('marks the answer under 我的意见 after a sync, counts it on the tab, and shows one notification where allowed', async () => {
    const { browser, baseUrl, db, requests } = e2e()
    const { sessions, act } = await cast(db)
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
    await context.grantPermissions(['notifications'], { origin: baseUrl })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })
    await submit(page, '宿舍楼的洗衣机坏了两台，排队要等很久。')
    // Allowed already: nothing to offer.
    expect(await page.getByRole('button', { name: '开启提醒' }).count()).toBe(0)
    const { rows } = await sql<{ id: string; number: string }>`select id, 'YJ-' || serial_year || '-' || lpad(serial_seq::text, 4, '0') as number from suggestions`.execute(db.db)
    const { id, number } = rows[0]!
    expect((await act(sessions.officer, id, 'accept', { category: 'livelihood', summary: '洗衣机', tags: [], proposal: false })).status).toBe(200)
    expect((await act(sessions.officer, id, 'reply', { text: '已报修，下周到货。', channel: 'app' })).status).toBe(200)

    // The next sync (the app opened again) finds the answer: counted on the tab, whose name stays 我的意见.
    await page.reload()
    const tab = page.getByRole('tab', { name: '我的意见', exact: true })
    await expect.poll(() => tab.locator('.news-count').innerText(), { timeout: 15_000 }).toBe('1')
    expect(await tab.evaluate((el) => [el.getAttribute('aria-describedby'), document.getElementById('mine-news')?.textContent])).toEqual(['mine-news', '1 条有新进展'])
    await expect.poll(() => notices(page)).toEqual([{ title: '工会已答复您的意见', body: `编号 ${number}：已答复。点开查看`, data: { url: '/?tab=mine' } }])
    await page.screenshot({ path: 'test-results/answer-tab-360.png' })

    await tab.click()
    const item = page.locator('.item')
    await expect.poll(() => item.locator('.news-mark').innerText()).toBe('新')
    expect(await item.locator('.timeline .reply').innerText()).toContain('已报修，下周到货。')
    await page.screenshot({ path: 'test-results/answer-mine-360.png' })
    // Once on screen it is seen: the count goes, the mark stays while 我的意见 is open.
    await expect.poll(() => tab.locator('.news-count').count()).toBe(0)
    expect(await item.locator('.news-mark').count()).toBe(1)

    // Opened again where the notification's tap opens it, 我的意见: nothing new, and no second notification.
    await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((list) => list.forEach((n) => n.close())))
    await expect.poll(() => notices(page)).toEqual([])
    const before = requests.length
    await page.goto(`${baseUrl}/?tab=mine`)
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => requests.slice(before).includes('POST /api/track'), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => page.locator('.syncbar .meta').innerText()).toContain('上次同步')
    expect(await page.locator('.item .news-mark').count()).toBe(0)
    expect(await notices(page)).toEqual([])
    await context.close()
  })

  it('finds the answer in Periodic Background Sync with no page of the app open', async () => {
    const { baseUrl, db, persistentContext, tempDir } = e2e()
    const { sessions, act } = await cast(db)
    const context = await persistentContext(tempDir())
    await context.grantPermissions(['notifications'], { origin: baseUrl })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })
    await submit(page, '希望安排一次新设备的操作培训。')
    // The page's sync is over (the next is minutes away) before the union answers.
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.syncbar .meta').innerText()).toContain('上次同步')
    const { rows } = await sql<{ id: string }>`select id from suggestions`.execute(db.db)
    await act(sessions.officer, rows[0]!.id, 'accept', { category: 'skills', summary: '培训', tags: [], proposal: false })
    await act(sessions.officer, rows[0]!.id, 'reply', { text: '下月初安排培训。', channel: 'app' })
    await page.goto('about:blank') // the app is no longer open anywhere

    const cdp = await context.newCDPSession(page)
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }: { registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(baseUrl) && !r.isDeleted)
        if (ours) resolve(ours.registrationId)
      }),
    )
    await cdp.send('ServiceWorker.enable')
    const titles = async () => {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(baseUrl))
      return worker ? await worker.evaluate(() => (self as unknown as ServiceWorkerGlobalScope).registration.getNotifications().then((list) => list.map((n) => n.title))) : null
    }
    // Nobody has looked since the answer: no notification yet.
    expect(await titles()).toEqual([])
    await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: baseUrl, registrationId: await registration, tag: 'yj-answers' })
    await expect.poll(titles, { timeout: 15_000 }).toEqual(['工会已答复您的意见'])

    // The app, opened again, shows the mark the service worker left, and says it once.
    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.locator('.tab .news-count').innerText(), { timeout: 15_000 }).toBe('1')
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item .news-mark').count()).toBe(1)
    expect(await titles()).toEqual(['工会已答复您的意见'])
    await context.close()
  })

  it('offers notifications only after a submission, with the reason; "later" is kept and not asked again', async () => {
    const { browser, baseUrl } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })
    expect(await page.getByText('工会答复后，可以在手机上提醒您。').count()).toBe(0)
    await submit(page, '井场道路坑洼太多，拉油车经常陷进去。')
    await expect.poll(() => page.getByText('工会答复后，可以在手机上提醒您。').count()).toBe(1)
    await page.screenshot({ path: 'test-results/answer-offer-360.png', fullPage: true })
    await page.getByRole('button', { name: '以后再说' }).click()
    await expect.poll(() => page.getByRole('button', { name: '开启提醒' }).count()).toBe(0)

    await page.getByRole('button', { name: '再提一条' }).click()
    await submit(page, '值班室的空调不制冷，夏天晚上很难熬。')
    await page.waitForTimeout(500) // the offer would be decided by now (one read of the device)
    expect(await page.getByRole('button', { name: '开启提醒' }).count()).toBe(0)
    expect(await page.evaluate(() => Notification.permission)).toBe('default')
    await context.close()
  })
})
