import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'

describeE2E('Background Sync', (e2e) => {
  it('drains the outbox from the service worker with no page of the app open', async () => {
    const { baseUrl, db, persistentContext, tempDir, setNetwork, requests } = e2e()
    const context = await persistentContext(tempDir())
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })

    setNetwork(false)
    await page.getByLabel('类别').selectOption('skills')
    await page.getByLabel('意见内容').fill('希望安排一次新设备的操作培训。')
    await page.getByLabel('匿名提交').check()
    await page.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('已保存在本机')
    await page.goto('about:blank') // the app is no longer open anywhere

    // Counted from before the network is back: Chromium may fire the sync event by itself as soon
    // as it is (that is the service worker draining too), before the test dispatches one.
    const before = requests.length
    setNetwork(true)
    const cdp = await context.newCDPSession(page)
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }: { registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(baseUrl) && !r.isDeleted)
        if (ours) resolve(ours.registrationId)
      }),
    )
    await cdp.send('ServiceWorker.enable')
    const registrationId = await registration
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: baseUrl, registrationId, tag: 'yj-outbox', lastChance: false })
    await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from suggestions`.execute(db.db)).rows[0]!.n, { timeout: 15_000 }).toBe(1)
    expect(requests.slice(before)).toContain('POST /api/suggestions')

    // The app, opened again, finds the item delivered.
    await page.goto(`${baseUrl}/`)
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item .badge').innerText()).not.toBe('待发送')
    await context.close()
  })
})
