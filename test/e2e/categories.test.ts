import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { createUser, TEST_PASSWORD } from '../helpers/admin'
import { describeE2E } from './harness'

/** The worker's category options, as [value, text], without the "choose" line. */
const offered = (page: Page) =>
  page.locator('#category option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']).filter(([v]) => v))

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 })
}

describeE2E('categories the union edits', (e2e) => {
  it('an admin adds, moves and retires categories; the worker\'s form offers the new list after a reload, and offline', async () => {
    const { baseUrl, browser, db, persistentContext, tempDir, setNetwork } = e2e()
    const problems: string[] = []

    // A worker's phone that has seen the form once: it knows the eight.
    const profile = tempDir()
    let phone = await persistentContext(profile)
    let form = await phone.newPage()
    form.on('pageerror', (err) => problems.push(`worker: ${err.message}`))
    await form.goto(`${baseUrl}/?s=cs1`)
    await controlled(form)
    await expect.poll(() => form.locator('.from').innerText()).toContain('第一中心站')
    expect((await offered(form)).map(([, text]) => text)).toContain('其他')

    await createUser(db.db, 'sysadmin', 'admin', '艾家湾采油作业区', '系统管理员张')
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } })
    const admin = await context.newPage()
    admin.on('pageerror', (err) => problems.push(`admin: ${err.message}`))
    admin.on('dialog', (d) => void (d.message().includes('停用“其他”') ? d.accept() : (problems.push(`dialog: ${d.message()}`), d.dismiss())))
    await admin.goto(`${baseUrl}/admin`)
    await admin.getByLabel('用户名').fill('sysadmin')
    await admin.getByLabel('密码').fill(TEST_PASSWORD)
    await admin.getByRole('button', { name: '登录' }).click()
    await admin.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '意见分类', exact: true }).click()
    const rows = admin.locator('.adm-manage .adm-list-row')
    await expect.poll(() => rows.count()).toBe(8)

    await admin.getByLabel('中文名称', { exact: true }).fill('交通出行')
    await admin.getByLabel('英文名称', { exact: true }).fill('Transport')
    await admin.getByRole('button', { name: '添加', exact: true }).click()
    await expect.poll(() => rows.count()).toBe(9)
    const added = rows.nth(8)
    const id = (await added.getAttribute('data-category'))!
    expect(id).toMatch(/^c_[0-9a-f]{12}$/)
    // One step up: before 其他.
    await added.getByRole('button', { name: '上移' }).click()
    await expect.poll(() => rows.nth(7).innerText()).toContain('交通出行')
    await rows.filter({ hasText: '其他' }).getByRole('button', { name: '停用' }).click()
    await expect.poll(() => rows.filter({ hasText: '其他' }).innerText()).toContain('已停用')
    await admin.screenshot({ path: 'test-results/categories-admin-360.png', fullPage: true })

    // After a reload the form offers the union's list, in its order, without the retired one.
    await form.reload()
    await expect.poll(async () => (await offered(form)).map(([, text]) => text).slice(-2)).toEqual(['“员工之家”建设', '交通出行'])
    expect((await offered(form)).map(([value]) => value)).not.toContain('other')
    await phone.close()

    // Offline, the phone still offers it, and labels the item in 我的意见 with it.
    setNetwork(false)
    phone = await persistentContext(profile, { offline: true })
    form = await phone.newPage()
    await form.goto(`${baseUrl}/?s=cs1`)
    await form.getByLabel('意见内容').waitFor()
    await expect.poll(async () => (await offered(form)).map(([value]) => value)).toContain(id)
    await form.getByLabel('类别').selectOption(id)
    await form.getByLabel('意见内容').fill('班车早上六点就发车，能不能晚十分钟。')
    await form.getByLabel('匿名提交').check()
    await form.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => form.getByRole('status').first().innerText()).toContain('已保存在本机')
    await form.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => form.locator('.item').first().innerText()).toContain('交通出行')
    await phone.close()
    setNetwork(true)

    // An officer's inbox filter keeps the retired category, marked, beside the new one.
    await createUser(db.db, 'officer', 'officer', '艾家湾采油作业区')
    const desk = await browser.newContext({ locale: 'zh-CN' })
    const officer = await desk.newPage()
    officer.on('pageerror', (err) => problems.push(`officer: ${err.message}`))
    await officer.goto(`${baseUrl}/admin#/items`)
    await officer.getByLabel('用户名').fill('officer')
    await officer.getByLabel('密码').fill(TEST_PASSWORD)
    await officer.getByRole('button', { name: '登录' }).click()
    const filter = officer.locator('#f-category option')
    await expect.poll(() => filter.allInnerTexts()).toContain('其他（已停用）')
    expect(await filter.allInnerTexts()).toContain('交通出行')
    expect(problems).toEqual([])
    await desk.close()
    await context.close()
  })
})
