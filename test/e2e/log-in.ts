import type { Browser, Dialog, Page } from 'playwright-core'
import { TEST_PASSWORD } from '../helpers/admin'

/** Logs a reviewer in through the admin form on `start` (e.g. `#/items`), and waits for the header. */
export async function logIn(page: Page, baseUrl: string, username: string, options: { password?: string; start?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}/admin${options.start ?? ''}`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(options.password ?? TEST_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '退出登录' }).waitFor()
}

export interface ReviewerOptions {
  /** Where uncaught page errors and dialogs nobody expected are written, for the test to check at its end. */
  problems: string[]
  viewport?: { width: number; height: number }
  start?: string
  password?: string
  /** A dialog the test expects, accepted instead of written down as a problem. */
  accept?: (dialog: Dialog) => boolean
}

/** A reviewer in a browser context of their own (zh-CN), logged in on `start`. */
export async function openReviewer(browser: Browser, baseUrl: string, username: string, options: ReviewerOptions): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', ...(options.viewport ? { viewport: options.viewport } : {}) })
  const page = await context.newPage()
  page.on('dialog', (d) => {
    if (options.accept?.(d)) return void d.accept()
    options.problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('pageerror', (err) => options.problems.push(`page error: ${err.message}`))
  await logIn(page, baseUrl, username, { start: options.start, password: options.password })
  return page
}
