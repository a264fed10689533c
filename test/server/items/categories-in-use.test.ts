import { expect, it } from 'vitest'
import { DEFAULT_CATEGORIES } from '../../../shared/categories'
import { postJson } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { workerItem } from '../../helpers/worker-item'
import { cast } from './fixtures'

describeEachDialect('categories on items', ({ db }) => {
  it('refuses a new item in a retired or unknown category (422), yet a replay of one stored before stays a duplicate', async () => {
    const { app, sessions } = await cast(db())
    const before = workerItem('宿舍热水器坏了一个星期了', { category: 'pay' })
    expect((await postJson(app, '/api/suggestions', { items: [before] })).status).toBe(201)
    await sessions.admin.patch('/api/admin/categories/pay', { retired: true })

    const replay = await postJson(app, '/api/suggestions', { items: [before] })
    expect([replay.status, replay.body.results[0].result]).toEqual([200, 'duplicate'])

    for (const category of ['pay', 'nosuch']) {
      const res = await postJson(app, '/api/suggestions', { items: [workerItem('新的意见内容写在这里', { category })] })
      expect(res.status).toBe(422)
      expect(res.body.results[0].error).toMatchObject({ code: 'unknown_category', details: [{ path: 'category', code: 'unknown_category' }] })
    }
    // A malformed id is refused by its shape, before any lookup.
    const bad = await postJson(app, '/api/suggestions', { items: [workerItem('新的意见内容写在这里', { category: 'Pay!' })] })
    expect([bad.status, bad.body.results[0].error.code]).toEqual([400, 'invalid_category'])
    expect(await db().db.selectFrom('suggestions').select('id').execute()).toHaveLength(1)
  })

  it('takes an item in a category an admin added, and labels it from the table', async () => {
    const { app, sessions, act } = await cast(db())
    const added = (await sessions.admin.post('/api/admin/categories', { zh: '交通出行', en: 'Transport' })).body
    const item = workerItem('班车太早了，能不能晚十分钟', { category: added.id })
    expect((await postJson(app, '/api/suggestions', { items: [item] })).status).toBe(201)
    await act(sessions.officer, item.id, 'accept', { summary: '班车时间' })
    expect((await sessions.officer.get('/api/admin/items/export.csv')).body).toContain('"交通出行","班车时间"')
    expect((await sessions.officer.get('/api/admin/items/export.csv?lang=en')).body).toContain('"Transport","班车时间"')
  })

  it('keeps a retired category on old items: in the inbox, its filter, the ledger and the worker\'s view', async () => {
    const { sessions, submit, track } = await cast(db())
    const old = await submit('工资条看不懂，能否讲解一下', { category: 'pay' })
    await submit('食堂饭菜太咸了')
    await sessions.admin.patch('/api/admin/categories/pay', { zh: '薪酬', retired: true })

    const filtered = await sessions.officer.get('/api/admin/items?category=pay')
    expect(filtered.body.items.map((i: any) => [i.id, i.category])).toEqual([[old.id, 'pay']])
    const both = await sessions.officer.get('/api/admin/items?category=pay,livelihood')
    expect(both.body.items).toHaveLength(2)
    // An id of the right shape that names no category filters to nothing; a malformed one is a bad query.
    expect((await sessions.officer.get('/api/admin/items?category=nosuch')).body.items).toEqual([])
    expect((await sessions.officer.get('/api/admin/items?category=Pay!')).body.error.code).toBe('invalid_query')
    expect((await sessions.officer.get('/api/admin/items/export.csv?category=pay')).body).toContain('"薪酬"')
    expect((await track(old.code)).category).toBe('pay')
    expect((await sessions.officer.get('/api/admin/categories')).body.find((c: any) => c.id === 'pay')).toEqual({ id: 'pay', zh: '薪酬', en: 'Pay and appraisal', retired: true })
  })

  it('lets a reviewer keep an item in its retired category, but not move one into a retired or unknown category', async () => {
    const { sessions, submit, act } = await cast(db())
    const old = await submit('工资条看不懂，能否讲解一下', { category: 'pay' })
    const other = await submit('食堂饭菜太咸了')
    await sessions.admin.patch('/api/admin/categories/pay', { retired: true })
    expect((await act(sessions.officer, old.id, 'accept', { category: 'pay', summary: '工资条' })).status).toBe(200)
    for (const category of ['pay', 'nosuch']) {
      const res = await act(sessions.officer, other.id, 'accept', { category })
      expect([category, res.status, res.body.error.code]).toEqual([category, 422, 'unknown_category'])
    }
    expect((await act(sessions.officer, other.id, 'accept', { category: 'rights' })).status).toBe(200)
    expect((await act(sessions.officer, other.id, 'classify', { category: 'pay' })).body.error.code).toBe('unknown_category')
    const rows = await db().db.selectFrom('suggestions').select(['id', 'category', 'status']).orderBy('id').execute()
    expect(rows.map((r) => [r.category, r.status])).toEqual([
      ['pay', 'accepted'],
      ['rights', 'accepted'],
    ])
  })

  it('gives the worker\'s form every category with the QR point, retired ones marked', async () => {
    const { app, sessions } = await cast(db())
    await sessions.admin.patch('/api/admin/categories/other', { retired: true })
    const added = (await sessions.admin.post('/api/admin/categories', { zh: '交通出行' })).body
    const res = await app.request('/api/entry-points/cs1')
    const body = (await res.json()) as any
    expect(body.code).toBe('cs1')
    expect(body.categories).toEqual([
      ...DEFAULT_CATEGORIES.map((c) => (c.id === 'other' ? { ...c, retired: true } : c)),
      { id: added.id, zh: '交通出行', en: '', retired: false },
    ])
  })
})
