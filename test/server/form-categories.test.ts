import { beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { withCategories } from '../../server/http/shell-categories'
import { DEFAULT_CATEGORIES } from '../../shared/categories'
import { createUser, login } from '../helpers/admin'
import { builtClient } from '../helpers/build'
import { describeEachDialect } from '../helpers/test-db'

/** The category select's options as [value, text]; the first one's `value` has no value. */
const options = (html: string) =>
  [...(/<select id="category"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '').matchAll(/<option([^>]*)>([^<]*)</g)].map((m) => [/value="([^"]*)"/.exec(m[1]!)?.[1] ?? '', m[2]])

describeEachDialect('the form without the app\'s script: its categories', ({ db }) => {
  let staticDir = ''
  beforeAll(async () => {
    staticDir = await builtClient()
  })
  const app = () => createApp({ db: db().db, dialect: db().dialect, staticDir })

  it('offers the categories offered today, not the eight the build knew', async () => {
    const a = app()
    // The build's page, as served before any change: the choose option and the eight.
    expect(options(await (await a.request('/?s=cs1')).text())).toEqual([['', '请选择类别'], ...DEFAULT_CATEGORIES.map((c) => [c.id, c.zh])])
    await createUser(db().db, 'admin', 'admin')
    const admin = await login(a, 'admin')
    await admin.patch('/api/admin/categories/pay', { retired: true })
    const added = (await admin.post('/api/admin/categories', { zh: '交通<出行>' })).body
    const served = options(await (await a.request('/?s=cs1')).text())
    expect(served.map(([id]) => id)).toEqual(['', ...DEFAULT_CATEGORIES.map((c) => c.id).filter((id) => id !== 'pay'), added.id])
    expect(served.at(-1)).toEqual([added.id, '交通&lt;出行&gt;'])
  })
})

it('leaves a page without the category list as it is', () => {
  expect(withCategories('<p>no form</p>', [...DEFAULT_CATEGORIES])).toBe('<p>no form</p>')
})
