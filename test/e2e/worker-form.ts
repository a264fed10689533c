import type { Page } from 'playwright-core'

/** Fills the worker's form as a worker would: category, words, and 匿名提交 or a name. */
export async function fillForm(page: Page, fields: { category: string; content: string; name?: string }): Promise<void> {
  await page.getByLabel('类别').selectOption(fields.category)
  await page.getByLabel('意见内容').fill(fields.content)
  if (fields.name) await page.getByLabel('姓名').fill(fields.name)
  else await page.getByLabel('匿名提交').check()
}
