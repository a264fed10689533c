import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { createUser, TEST_PASSWORD, unitId } from '../helpers/admin'
import { cast, dayFromToday } from '../server/items/fixtures'
import { describeE2E } from './harness'
import { openReviewer } from './log-in'

// Uncaught page errors and dialogs nobody expected, checked at the end of each test.
const problems: string[] = []
// Confirmations the test means to accept, in order (the text each must show).
const confirms: string[] = []

/** A reviewer's own browser, logged in through the form on `start` (the inbox unless told; officers and leaders start on the overview). */
const reviewer = (browser: Browser, baseUrl: string, username: string, password = TEST_PASSWORD, start = '#/items'): Promise<Page> =>
  openReviewer(browser, baseUrl, username, {
    problems,
    password,
    start,
    accept: (d) => {
      if (d.type() !== 'confirm' || confirms[0] !== d.message()) return false
      confirms.shift()
      return true
    },
  })

/** Opens a screen from the main menu. */
async function open(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label, exact: true }).click()
}

/** The text of the worker's form for a poster code, in a browser that never saw the app. */
async function workerForm(browser: Browser, baseUrl: string, code: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('pageerror', (err) => problems.push(`worker page error: ${err.message}`))
  await page.goto(`${baseUrl}/?s=${code}`)
  return { page, close: () => context.close() }
}

describeE2E('the admin screens of each role', (e2e) => {
  it('system admin: creates a unit, an officer who can log in, a QR poster (no code drawn at 127.0.0.1 without PUBLIC_ORIGIN), deactivates it; a unit with people is not deleted', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    confirms.length = 0
    await createUser(db.db, 'sysadmin', 'admin', '艾家湾采油作业区', '系统管理员张')
    const admin = await reviewer(browser, baseUrl, 'sysadmin')

    // A team under the first central station.
    await open(admin, '组织单位')
    const station = await unitId(db.db, '第一中心站')
    await admin.getByLabel('上级单位').selectOption(station)
    await admin.getByLabel('单位名称').fill('第一中心站维修班')
    await admin.getByLabel('单位类型').selectOption('team')
    await admin.getByRole('button', { name: '创建', exact: true }).click()
    const teamRow = admin.locator('.adm-tree .adm-list-row', { hasText: '第一中心站维修班' })
    await expect.poll(() => teamRow.innerText()).toContain('班组')
    const team = await db.db.selectFrom('org_units').select(['id', 'parent_id', 'kind']).where('name', '=', '第一中心站维修班').executeTakeFirstOrThrow()
    expect(team).toMatchObject({ parent_id: station, kind: 'team' })

    // An officer account in it, with a password the admin sets.
    await open(admin, '账号管理')
    const password = 'Weixiu-2026-ganshi'
    await admin.getByLabel('用户名', { exact: true }).fill('weixiu.officer')
    await admin.getByLabel('姓名', { exact: true }).fill('维修班工会干事刘')
    await admin.getByLabel('角色', { exact: true }).selectOption('officer')
    await admin.getByLabel('单位', { exact: true }).selectOption(team.id)
    await admin.getByLabel('初始密码').fill(password)
    await admin.getByRole('button', { name: '创建', exact: true }).click()
    const accountRow = admin.locator('.adm-list-row', { hasText: 'weixiu.officer' })
    await expect.poll(() => accountRow.innerText()).toContain('维修班工会干事刘')
    expect(await accountRow.innerText()).toContain('工会干事')
    expect(await accountRow.innerText()).toContain('第一中心站维修班')

    // The new officer logs in elsewhere with that password and lands on its own unit's overview.
    const newOfficer = await reviewer(browser, baseUrl, 'weixiu.officer', password, '')
    expect(await newOfficer.locator('.adm-user').innerText()).toContain('维修班工会干事刘')
    expect(await newOfficer.locator('.adm-user').innerText()).toContain('第一中心站维修班')
    await expect.poll(() => newOfficer.getByRole('link', { name: '工作台概览' }).getAttribute('aria-current')).toBe('page')
    await newOfficer.context().close()

    // The team has a person now: deleting it is refused with the server's reason, and it stays.
    await open(admin, '组织单位')
    confirms.push('确定删除“第一中心站维修班”吗？')
    await teamRow.getByRole('button', { name: '删除', exact: true }).click()
    await expect.poll(() => teamRow.getByRole('alert').innerText()).toBe('该单位下还有下级单位、人员、二维码或意见记录，不能删除。')
    expect(confirms).toEqual([])
    expect(await db.db.selectFrom('org_units').select('id').where('id', '=', team.id).executeTakeFirst()).toBeDefined()
    await admin.reload()
    await expect.poll(() => admin.locator('.adm-tree .adm-list-row', { hasText: '第一中心站维修班' }).count()).toBe(1)

    // Renamed in place; the database follows.
    await admin.locator('.adm-tree .adm-list-row', { hasText: '第一中心站维修班' }).getByRole('button', { name: '改名', exact: true }).click()
    const renaming = admin.locator('.adm-tree form.adm-list-main')
    await renaming.getByLabel('单位名称').fill('第一中心站维修一班')
    await renaming.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(async () => (await db.db.selectFrom('org_units').select('name').where('id', '=', team.id).executeTakeFirstOrThrow()).name).toBe('第一中心站维修一班')
    await expect.poll(() => admin.locator('.adm-tree .adm-list-row', { hasText: '第一中心站维修一班' }).count()).toBe(1)

    // A QR poster for the team's workshop.
    await open(admin, '二维码')
    await admin.getByLabel('二维码编号').fill('cs1-weixiu')
    await admin.getByLabel('地点名称').fill('维修班工具间')
    await admin.getByLabel('单位', { exact: true }).selectOption(team.id)
    await admin.getByRole('button', { name: '创建', exact: true }).click()
    const card = admin.locator('.adm-qr', { hasText: 'cs1-weixiu' })
    await expect.poll(() => card.innerText()).toContain('cs1-weixiu')
    // Browsed at 127.0.0.1 without PUBLIC_ORIGIN: no code a phone could not open is drawn, and the screen says what to set.
    await expect.poll(() => admin.locator('.adm-origin-notice').innerText()).toContain('PUBLIC_ORIGIN=https://')
    expect(await admin.locator('.adm-origin-notice').innerText()).toContain(`本机或内部网络的地址（${baseUrl}）`)
    expect(await card.getByRole('img').count()).toBe(0)
    expect(await card.getByRole('link', { name: '打印海报' }).count()).toBe(0)
    const epId = (await db.db.selectFrom('entry_points').select('id').where('code', '=', 'cs1-weixiu').executeTakeFirstOrThrow()).id
    const svg = await admin.context().request.get(`${baseUrl}/api/admin/entry-points/${epId}/qr.svg`)
    expect(svg.status()).toBe(409)
    expect((await svg.json()).error.code).toBe('public_origin_required')
    await card.getByRole('button', { name: '改名', exact: true }).click()
    await card.getByLabel('地点名称').fill('维修班工具间（东）')
    await card.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(async () => (await db.db.selectFrom('entry_points').select('name').where('code', '=', 'cs1-weixiu').executeTakeFirstOrThrow()).name).toBe('维修班工具间（东）')

    // Scanned while active, the worker's form names the place.
    const before = await workerForm(browser, baseUrl, 'cs1-weixiu')
    await expect.poll(() => before.page.locator('.from').innerText(), { timeout: 15_000 }).toContain('维修班工具间（东）')
    await before.close()

    // Deactivated, the poster is marked so, and the worker's form says the code is not in use.
    await card.getByRole('button', { name: '停用', exact: true }).click()
    await expect.poll(() => card.locator('.adm-badge').innerText()).toBe('已停用')
    await card.getByRole('button', { name: '启用', exact: true }).waitFor()
    expect(await db.db.selectFrom('entry_points').select('active').where('code', '=', 'cs1-weixiu').executeTakeFirstOrThrow()).toEqual({ active: false })
    const after = await workerForm(browser, baseUrl, 'cs1-weixiu')
    await expect.poll(() => after.page.locator('form .error').first().innerText(), { timeout: 15_000 }).toBe('二维码地点不存在或已停用，请重新扫码。')
    await after.close()

    expect(problems).toEqual([])
    await admin.context().close()
  })

  it('marks an item overdue in the officer’s, the handler’s and the leader’s inbox, and 只看超期 lists only it', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    confirms.length = 0
    const c = await cast(db)
    const dispatch = async (content: string) => {
      const { id } = await c.submit(content)
      expect((await c.act(c.sessions.officer, id, 'accept')).status).toBe(200)
      const res = await c.act(c.sessions.officer, id, 'dispatch', {
        unitId: c.units.cs1,
        leaderId: c.ids.leader.id,
        responsibleId: c.ids.handler1.id,
        deadline: dayFromToday(3),
      })
      expect(res.status).toBe(200)
      return id
    }
    const late = await dispatch('一站宿舍的热水器坏了一个星期了')
    await dispatch('一站值班室的空调制冷效果差')
    // The deadline has passed without a report.
    await db.db
      .updateTable('assignments')
      .set({ deadline: new Date(Date.now() - 2 * 3600_000) })
      .where('suggestion_id', '=', late)
      .execute()

    for (const username of ['officer', 'handler1', 'leader']) {
      const page = await reviewer(browser, baseUrl, username)
      const lateRow = page.locator('.adm-row', { hasText: '热水器' })
      const onTime = page.locator('.adm-row', { hasText: '空调' })
      await expect.poll(() => lateRow.locator('.adm-badge-overdue').innerText(), { message: username }).toBe('已超期')
      expect(await lateRow.getAttribute('class'), username).toContain('adm-row-overdue')
      await expect.poll(() => onTime.count(), { message: username }).toBe(1)
      expect(await onTime.locator('.adm-badge-overdue').count(), username).toBe(0)
      // The figures are the union's and the leader's; a handler's list is their work (我的待办 counts their days).
      const figure = page.locator('.adm-figure', { hasText: '超期未反馈' })
      if (username === 'handler1') expect(await page.locator('.adm-stats').count()).toBe(0)
      else {
        await expect.poll(() => figure.locator('dd').innerText(), { message: username }).toBe('1')
        expect(await figure.getAttribute('class'), username).toContain('adm-alarm')
      }

      await page.getByLabel('只看超期').check()
      await page.getByRole('button', { name: '筛选', exact: true }).click()
      await expect.poll(() => page.evaluate(() => location.hash), { message: username }).toContain('overdue=1')
      await expect.poll(() => page.locator('.adm-row').count(), { message: username }).toBe(1)
      await expect.poll(() => page.locator('.adm-row .adm-row-title').innerText(), { message: username }).toContain('热水器')
      expect(await page.getByLabel('只看超期').isChecked(), username).toBe(true)
      await page.context().close()
    }
    expect(problems).toEqual([])
  })

  it('the leader may only give an instruction or add a note and the handler may report; neither sees the named submitter, the officer does', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    confirms.length = 0
    const c = await cast(db)
    const { id } = await c.submit('一站到基地的班车经常晚点，希望调整发车时间', { anonymous: false, submitter: { name: '王师傅' } })
    expect((await c.act(c.sessions.officer, id, 'accept', { category: 'livelihood', summary: '班车晚点' })).status).toBe(200)
    const dispatched = await c.act(c.sessions.officer, id, 'dispatch', {
      unitId: c.units.cs1,
      leaderId: c.ids.leader.id,
      responsibleId: c.ids.handler1.id,
      deadline: dayFromToday(5),
    })
    expect(dispatched.status).toBe(200)
    const NO_WAY = ['受理', '交办', '答复', '办结', '不予采纳', '合并', '重新办理', '显示提交人', '保存分类']
    const submitterRow = (page: Page) => page.locator('.adm-facts .adm-dl > div', { hasText: '提交人' }).locator('dd')
    // The forms' submit buttons (添加照片 is a file input, a button without words of its own).
    const actionButtons = (page: Page) => page.getByRole('complementary', { name: '办理操作' }).locator('button[type=submit]').allInnerTexts()

    const leader = await reviewer(browser, baseUrl, 'leader')
    await leader.locator('.adm-row-title', { hasText: '班车晚点' }).click()
    await expect.poll(() => submitterRow(leader).innerText()).toBe('实名提交（未向您显示）')
    expect(await actionButtons(leader)).toEqual(['批示', '添加备注'])
    for (const name of [...NO_WAY, '反馈']) expect(await leader.getByRole('button', { name, exact: true }).count(), name).toBe(0)
    expect(await leader.locator('body').innerText()).not.toContain('王师傅')
    // The one thing the leader may do works.
    await leader.getByLabel('备注内容').fill('请一站本周内与车队沟通。')
    await leader.getByRole('button', { name: '添加备注', exact: true }).click()
    await expect.poll(() => leader.locator('.adm-item-main').innerText()).toContain('请一站本周内与车队沟通。')
    // 批示: on the timeline, for the handler to read.
    await leader.getByLabel(/批示内容/).fill('班车问题要和车队一起研究，月底前拿出方案。')
    await leader.getByRole('button', { name: '批示', exact: true }).click()
    await expect.poll(() => leader.locator('.adm-item-main').innerText()).toContain('班车问题要和车队一起研究')

    const handler = await reviewer(browser, baseUrl, 'handler1')
    await handler.locator('.adm-row-title', { hasText: '班车晚点' }).click()
    await expect.poll(() => submitterRow(handler).innerText()).toBe('实名提交（未向您显示）')
    await handler.getByRole('button', { name: '反馈', exact: true }).waitFor()
    expect(await actionButtons(handler)).toEqual(['反馈', '添加备注'])
    for (const name of NO_WAY) expect(await handler.getByRole('button', { name, exact: true }).count(), name).toBe(0)
    expect(await handler.getByLabel('办理结果').isVisible()).toBe(true)
    expect(await handler.locator('body').innerText()).not.toContain('王师傅')
    expect(await handler.locator('.adm-item-main').innerText()).toMatch(/领导批示[\s\S]*班车问题要和车队一起研究，月底前拿出方案。/)

    const officer = await reviewer(browser, baseUrl, 'officer')
    await officer.locator('.adm-row-title', { hasText: '班车晚点' }).click()
    await expect.poll(() => submitterRow(officer).innerText()).toBe('王师傅')

    expect(problems).toEqual([])
    for (const page of [leader, handler, officer]) await page.context().close()
  })

  it('switches the reviewers’ screens to English and back', async () => {
    const { browser, baseUrl, db } = e2e()
    problems.length = 0
    confirms.length = 0
    await createUser(db.db, 'officer1', 'officer', '艾家湾采油作业区', '工会干事李')
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
    await page.goto(`${baseUrl}/admin#/items`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Staff login' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByLabel('Username').fill('officer1')
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('button', { name: 'Log out' }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Main menu' })
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overview', 'Inbox', 'Monthly report', 'Reply templates', 'QR codes', 'Password'])
    await page.getByLabel('Overdue only').waitFor()

    // The choice survives a reload; switching back gives Chinese again.
    await page.reload()
    await page.getByRole('button', { name: 'Log out' }).waitFor()
    await page.getByRole('button', { name: '中文' }).click()
    await expect.poll(() => page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts()).toEqual(['工作台概览', '意见列表', '月报', '答复模板', '二维码', '修改密码'])
    expect(problems).toEqual([])
    await context.close()
  })
})
