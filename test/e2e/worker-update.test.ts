import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'

const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })
const checkForUpdate = (page: Page) => page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()))
const activeScript = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? null)

describeE2E('updates never eat a draft', (e2e) => {
  it('asks before updating while a draft is open, and the draft is still there after the update', async () => {
    const { baseUrl, persistentContext, tempDir, publishNewVersion } = e2e()
    const context = await persistentContext(tempDir())
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await controlled(page)
    await page.getByLabel('意见内容').fill('值班室的空调坏了，夏天太热。')
    await page.waitForTimeout(600)

    publishNewVersion()
    await checkForUpdate(page)
    const banner = page.getByRole('alert')
    await expect.poll(() => banner.innerText(), { timeout: 20_000 }).toContain('新版本可用')
    // Nothing reloaded by itself: the typed text is on screen untouched.
    expect(await page.getByLabel('意见内容').inputValue()).toBe('值班室的空调坏了，夏天太热。')

    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), banner.getByRole('button', { name: '立即更新' }).click()])
    await expect.poll(() => page.getByLabel('意见内容').inputValue()).toBe('值班室的空调坏了，夏天太热。')
    expect(await page.getByRole('alert').count()).toBe(0)
    await context.close()
  })

  it('applies an update by itself when no draft is open', async () => {
    const { baseUrl, persistentContext, tempDir, publishNewVersion } = e2e()
    const context = await persistentContext(tempDir())
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await controlled(page)
    publishNewVersion()
    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), checkForUpdate(page)])
    await controlled(page)
    expect(await activeScript(page)).toContain('/sw.js')
    expect(await page.getByRole('alert').count()).toBe(0)
    await context.close()
  })
})
