import { expect, it } from 'vitest'
import { SetupToken } from '../../server/auth/setup-token'
import { describeE2E } from './harness'

const token = new SetupToken()

describeE2E(
  'a fresh install\'s first admin',
  (e2e) => {
    it('is created in the browser from the one-time link, logged in, and the link leaves the address bar', async () => {
      const { browser, baseUrl } = e2e()
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } })
      const page = await context.newPage()
      await page.goto(`${baseUrl}/admin/setup?token=${token.value}`)
      await page.getByLabel('用户名').fill('admin')
      await page.getByLabel('姓名').fill('系统管理员')
      await page.getByLabel('初始密码（至少 10 位）').fill('a long first password')
      await page.getByRole('button', { name: '创建并登录' }).click()
      await expect.poll(() => page.getByRole('button', { name: '退出登录' }).count()).toBe(1)
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/admin')
      expect(token.value).toBeNull()
      await context.close()
    })
  },
  { setupToken: token },
)
