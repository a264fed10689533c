import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'
import { fillForm } from './worker-form'

const count = async (db: Kysely<Database>) =>
  (await sql<{ n: number }>`select count(*)::int as n from suggestions`.execute(db)).rows[0]!.n

/** Waits until the phone's storage is open, so that the draft saver runs as the worker types. */
async function deviceReady(page: Page) {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'yijian'))
  await page.waitForTimeout(300)
}

/** The form as the worker sees it after 再提一条, and again after a reload (what the draft restores). */
async function formAfterAnother(page: Page, beforeReload: () => void = () => {}) {
  // The worker reads the follow-up code first: long enough for a save left pending to land.
  await page.waitForTimeout(700)
  await page.getByRole('button', { name: '再提一条' }).click()
  // Longer than the draft saver's pause: a save still pending from the last keystroke would have landed.
  await page.waitForTimeout(800)
  const now = { content: await page.getByLabel('意见内容').inputValue(), notices: await page.locator('.notice').allInnerTexts() }
  beforeReload()
  await page.reload()
  await page.getByLabel('意见内容').waitFor()
  await page.waitForTimeout(800)
  const reloaded = { content: await page.getByLabel('意见内容').inputValue(), notices: await page.locator('.notice').allInnerTexts() }
  return { now, reloaded }
}

describeE2E('the worker\'s sent words never come back as a draft', (e2e) => {
  it('online: 提交 right after the last keystroke, then 再提一条, leaves an empty form, also after a reload', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('第一中心站生活点文化墙')
    await page.getByLabel('类别').selectOption('livelihood')
    await deviceReady(page)
    await page.getByLabel('匿名提交').check()
    await page.getByLabel('意见内容').fill('宿舍三楼的热水器又坏了，已经一个星期了。')
    await page.waitForTimeout(100)
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByTestId('follow-up-code').waitFor()
    const { now, reloaded } = await formAfterAnother(page)
    expect(now).toEqual({ content: '', notices: [] })
    expect(reloaded).toEqual({ content: '', notices: [] })
    expect(await count(db.db)).toBe(1)
    await context.close()
  })

  it('offline: ticking 匿名提交 and pressing 提交 at once keeps one item and no draft', async () => {
    const { browser, baseUrl, setNetwork } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('第一中心站生活点文化墙')
    await deviceReady(page)
    setNetwork(false)
    await fillForm(page, { category: 'pay', content: '夜班补贴这个月没有发，希望查一下原因。' })
    await page.waitForTimeout(200)
    await page.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('已保存在本机')
    const { now, reloaded } = await formAfterAnother(page, () => setNetwork(true))
    expect(now).toEqual({ content: '', notices: [] })
    expect(reloaded).toEqual({ content: '', notices: [] })
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item').count()).toBe(1)
    await context.close()
  })

  it('makes one item of two presses of 提交 in a row, however quick', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('第一中心站生活点文化墙')
    await fillForm(page, { category: 'other', content: '井场的路灯晚上不亮，巡井不安全。' })
    // Both presses land before the page draws again (a double tap on a slow phone).
    await page.getByRole('button', { name: '提交' }).evaluate((button: HTMLButtonElement) => {
      button.click()
      button.click()
    })
    await page.getByTestId('follow-up-code').waitFor()
    await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item').count()).toBe(1)
    expect(await count(db.db)).toBe(1)
    await context.close()
  })
})

describeE2E('words typed before the app\'s script arrives', (e2e) => {
  it('are kept from the first keystroke and are what 提交 sends once the script has taken the form over', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' })
    // The app's script arrives late, as on a weak link: the prerendered form is all there is.
    let release!: () => void
    const scriptHeld = new Promise<void>((resolve) => (release = resolve))
    await context.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await scriptHeld
      await route.continue()
    })
    const page = await context.newPage()
    const blocked: string[] = []
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()))
    await page.goto(`${baseUrl}/?s=cs1`, { waitUntil: 'commit' })
    await page.getByLabel('意见内容').waitFor()
    await page.getByLabel('类别').selectOption('livelihood')
    await page.getByLabel('意见内容').pressSequentially('食堂晚饭')
    // Kept on the phone at once, with no script of the app running yet.
    const mirror = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('yj.draft'))) ?? 'null')
    expect(await mirror()).toMatchObject({ category: 'livelihood', content: '食堂晚饭', anonymous: false })
    await page.getByLabel('意见内容').pressSequentially('太早，夜班吃不上热饭')
    await page.getByLabel('匿名提交').check()
    expect(await mirror()).toMatchObject({ content: '食堂晚饭太早，夜班吃不上热饭', anonymous: true })

    release()
    await expect.poll(() => page.locator('.from').innerText()).toContain('第一中心站生活点文化墙')
    expect(await page.getByLabel('意见内容').inputValue()).toBe('食堂晚饭太早，夜班吃不上热饭')
    expect(await page.getByLabel('类别').inputValue()).toBe('livelihood')
    expect(await page.getByLabel('匿名提交').isChecked()).toBe(true)
    // Typed after the app took over: the app's saver keeps the mirror.
    await page.getByLabel('意见内容').pressSequentially('。')
    await expect.poll(async () => (await mirror())?.content).toBe('食堂晚饭太早，夜班吃不上热饭。')
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByTestId('follow-up-code').waitFor()
    await expect.poll(async () => (await sql<{ content: string }>`select content from suggestions`.execute(db.db)).rows).toEqual([{ content: '食堂晚饭太早，夜班吃不上热饭。' }])
    expect(blocked.filter((m) => /Content Security Policy/i.test(m))).toEqual([])
    await context.close()
  })
})
