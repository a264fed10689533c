import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeE2E } from './harness'
import { fillForm } from './worker-form'

describeE2E('the form when the app\'s script never runs', (e2e) => {
  it('with scripts off: a plain POST stores the item once and shows its 查询码; a refresh sends nothing again', async () => {
    const { browser, baseUrl, db, requests } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false, viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs1`)
    await fillForm(page, { category: 'livelihood', content: '手机没有运行脚本也要能提：二站的宿舍没有热水。' })
    await page.getByRole('button', { name: '提交' }).click()
    await page.waitForURL(`${baseUrl}/submitted`)
    const code = (await page.getByTestId('follow-up-code').innerText()).trim()
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    await page.reload()
    expect((await page.getByTestId('follow-up-code').innerText()).trim()).toBe(code)
    expect(requests.filter((r) => r === 'POST /api/suggestions')).toEqual([])
    const { rows } = await sql<{ content: string; anonymous: boolean }>`select content, anonymous from suggestions`.execute(db.db)
    expect(rows).toEqual([{ content: '手机没有运行脚本也要能提：二站的宿舍没有热水。', anonymous: true }])
    await context.close()
  })

  it('when the link drops after the page came: the script never arrives and the form still goes through', async () => {
    const { browser, baseUrl, db } = e2e()
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' })
    await context.route(/\/assets\/.+\.js$/, (route) => route.abort('connectionreset'))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?s=cs2`)
    await page.getByLabel('类别').selectOption('pay')
    await page.getByLabel('意见内容').fill('信号不好时脚本没加载出来，也要能提交。')
    await page.getByLabel('姓名').fill('李师傅')
    await page.getByRole('button', { name: '提交' }).click()
    await page.waitForURL(`${baseUrl}/submitted`)
    expect((await page.getByTestId('follow-up-code').innerText()).trim()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const { rows } = await sql<{ submitter_name: string; category: string }>`select submitter_name, category from suggestions`.execute(db.db)
    expect(rows).toEqual([{ submitter_name: '李师傅', category: 'pay' }])
    await context.close()
  })
})
