import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'

describeE2E('the worker submits online and looks the item up', (e2e) => {
  it('opens /?s=cs1, submits anonymously, shows the follow-up code, finds the item by it; one row, no identity', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await expect.poll(() => page.locator('.from').innerText()).toContain('第一中心站生活点文化墙')
    await page.getByLabel('类别').selectOption({ label: '民生事宜' })
    const hostile = '夜班同事下班后食堂已经关门，希望晚上留一份热饭。<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    await page.getByLabel('意见内容').fill(hostile)
    await page.getByLabel('匿名提交').check()
    await page.getByRole('button', { name: '提交' }).click()

    const code = (await page.getByTestId('follow-up-code').innerText()).trim()
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('已送达')

    await page.getByRole('tab', { name: '查询' }).click()
    await page.getByLabel('查询码').fill(code.toLowerCase())
    await page.getByRole('button', { name: '查询', exact: true }).click()
    await expect.poll(() => page.locator('.tracked').innerText()).toContain('已送达')
    expect(await page.locator('.tracked').innerText()).toContain('提交意见')
    // The lookup names the item by the number the server gave it.
    const { serial_year: year, serial_seq: seq } = await db.db.selectFrom('suggestions').select(['serial_year', 'serial_seq']).executeTakeFirstOrThrow()
    expect(await page.locator('.tracked').innerText()).toContain(`编号：YJ-${year}-${String(seq).padStart(4, '0')}`)

    // Markup in the content is text in every worker view: the lookup and 我的意见.
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item .text').innerText()).toBe(hostile)
    expect(await page.locator('#panel img, #panel script').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull()

    const { rows } = await sql<{ n: number; name: string | null; anonymous: boolean }>`
      select count(*)::int as n, max(submitter_name) as name, bool_and(anonymous) as anonymous from suggestions`.execute(db.db)
    expect(rows[0]).toEqual({ n: 1, name: null, anonymous: true })
    await context.close()
  })

  it('submits a named item, shows the form in English on request, and shows a field error without sending', async () => {
    const { browser, baseUrl, db, requests } = e2e()
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=base-wall`)
    await page.getByLabel('意见内容').fill('太短')
    await page.getByRole('button', { name: '提交' }).click()
    await expect.poll(() => page.locator('.error').allInnerTexts()).toEqual(expect.arrayContaining(['请选择类别。']))
    expect(requests.filter((r) => r.startsWith('POST /api/suggestions'))).toEqual([])

    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('label[for=category]').innerText()).toBe('Category')
    await page.getByLabel('Category').selectOption('skills')
    await page.getByLabel('Your opinion or suggestion').fill('希望多组织几次抽油机维修的现场培训。')
    await page.getByLabel('Name', { exact: true }).fill('王师傅')
    await page.getByRole('button', { name: 'Submit' }).click()
    await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 15_000 }).toContain('Delivered')
    const { rows } = await sql<{ submitter_name: string; category: string }>`select submitter_name, category from suggestions`.execute(db.db)
    expect(rows).toEqual([{ submitter_name: '王师傅', category: 'skills' }])
    await context.close()
  })

  it('puts an item pressed before the device storage has opened through the outbox too (it shows under 我的意见)', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ serviceWorkers: 'block' })
    // The device database's code arrives late, as on a slow link.
    await context.route(/\/assets\/device-[^/]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500))
      await route.continue()
    })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await page.getByLabel('类别').selectOption('workforce')
    await page.getByLabel('意见内容').fill('二站人手不够，夜班经常一个人巡井。')
    await page.getByLabel('匿名提交').check()
    await page.getByRole('button', { name: '提交' }).click()
    const code = (await page.getByTestId('follow-up-code').innerText()).trim()
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item', { hasText: code }).locator('.badge').innerText(), { timeout: 15_000 }).toBe('已送达')
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from suggestions`.execute(db.db)
    expect(rows[0]!.n).toBe(1)
    await context.close()
  })

  it('shows an item the server refused with its reason, and brings it back to the form to edit', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=gone-poster`)
    await expect.poll(() => page.locator('form .error').first().innerText()).toBe('二维码地点不存在或已停用，请重新扫码。')
    await page.getByLabel('类别').selectOption('rights')
    await page.getByLabel('意见内容').fill('夜班补贴标准希望公开。')
    await page.getByLabel('姓名').fill('李师傅')
    await page.getByRole('button', { name: '提交' }).click()
    await page.getByTestId('follow-up-code').waitFor()
    await page.getByRole('tab', { name: '我的意见' }).click()
    const item = page.locator('.item')
    await expect.poll(() => item.locator('.badge').innerText(), { timeout: 15_000 }).toBe('未被接收')
    await expect.poll(() => item.locator('.rejected .error').innerText()).toContain('二维码地点不存在或已停用')

    await item.getByRole('button', { name: '修改后重新提交' }).click()
    await expect.poll(() => page.getByLabel('意见内容').inputValue()).toBe('夜班补贴标准希望公开。')
    expect(await page.getByLabel('类别').inputValue()).toBe('rights')
    expect(await page.getByLabel('姓名').inputValue()).toBe('李师傅')
    await page.getByRole('tab', { name: '我的意见' }).click()
    await expect.poll(() => page.locator('.item').count()).toBe(0)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from suggestions`.execute(db.db)
    expect(rows[0]!.n).toBe(0)
    await context.close()
  })
})
