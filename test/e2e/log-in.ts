import type { Page } from 'playwright-core'
import { TEST_PASSWORD } from '../helpers/admin'

/** Logs a reviewer in through the admin form on `start` (e.g. `#/items`), and waits for the header. */
export async function logIn(page: Page, baseUrl: string, username: string, options: { password?: string; start?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}/admin${options.start ?? ''}`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(options.password ?? TEST_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '退出登录' }).waitFor()
}
