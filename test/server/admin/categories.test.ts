import { expect, it } from 'vitest'
import { CATEGORY_LIMITS, DEFAULT_CATEGORIES } from '../../../shared/categories'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, outcome, type Who } from './fixtures'

const EIGHT = DEFAULT_CATEGORIES.map((c) => c.id)
const ids = (list: Array<{ id: string }>) => list.map((c) => c.id)

describeEachDialect('/api/admin/categories', ({ db }) => {
  it('lists the eight of the field report, in order, to every reviewer', async () => {
    const c = await adminCast(db())
    for (const who of ['admin', 'admin1', 'officer', 'officer1', 'leader', 'handler'] as Who[]) {
      const res = await (await c.as(who)).get('/api/admin/categories')
      expect([who, res.status]).toEqual([who, 200])
      expect(res.body).toEqual(DEFAULT_CATEGORIES)
    }
    expect(outcome(await c.anonymous('GET', '/api/admin/categories'))).toEqual([401, 'unauthenticated'])
  })

  it('adds a category at the end with an id the server makes, labels normalised, English optional', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const res = await admin.post('/api/admin/categories', { zh: ' 安全 生产 ', en: '' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ id: expect.stringMatching(/^c_[0-9a-f]{12}$/), zh: '安全 生产', en: '', retired: false })
    const other = await admin.post('/api/admin/categories', { zh: '交通出行', en: 'Transport' })
    expect(other.body.id).not.toBe(res.body.id)
    expect(ids((await admin.get('/api/admin/categories')).body)).toEqual([...EIGHT, res.body.id, other.body.id])
  })

  it('renames either label, retires and brings back, keeping the id', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    expect((await admin.patch('/api/admin/categories/pay', { zh: '薪酬与考核', en: 'Pay' })).body).toEqual({ id: 'pay', zh: '薪酬与考核', en: 'Pay', retired: false })
    expect((await admin.patch('/api/admin/categories/pay', { retired: true })).body).toEqual({ id: 'pay', zh: '薪酬与考核', en: 'Pay', retired: true })
    const row = await db().db.selectFrom('categories').select(['retired_at']).where('id', '=', 'pay').executeTakeFirstOrThrow()
    expect(row.retired_at).toBeInstanceOf(Date)
    // Retiring again keeps the first date: the day it stopped being offered.
    await admin.patch('/api/admin/categories/pay', { retired: true })
    const again = await db().db.selectFrom('categories').select(['retired_at']).where('id', '=', 'pay').executeTakeFirstOrThrow()
    expect(again.retired_at).toEqual(row.retired_at)
    const list = (await admin.get('/api/admin/categories')).body
    expect(ids(list)).toEqual(EIGHT)
    expect(list.find((x: any) => x.id === 'pay').retired).toBe(true)
    expect((await admin.patch('/api/admin/categories/pay', { retired: false })).body.retired).toBe(false)
    expect(outcome(await admin.patch('/api/admin/categories/nosuch', { zh: '无' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin.patch('/api/admin/categories/Bad%20Id', { zh: '无' }))).toEqual([404, 'not_found'])
  })

  it('reorders: every id once, else 400 and nothing moves', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const added = (await admin.post('/api/admin/categories', { zh: '安全生产' })).body.id
    const order = [added, ...[...EIGHT].reverse()]
    const res = await admin.put('/api/admin/categories/order', { ids: order })
    expect(res.status).toBe(200)
    expect(ids(res.body)).toEqual(order)
    expect(ids((await (await c.as('officer')).get('/api/admin/categories')).body)).toEqual(order)
    for (const bad of [EIGHT, [...order, 'other'], [...order.slice(1), 'nosuch'], ['other', ...order.slice(1)]]) {
      expect(outcome(await admin.put('/api/admin/categories/order', { ids: bad }))).toEqual([400, 'invalid_request'])
    }
    expect(outcome(await admin.put('/api/admin/categories/order', { ids: 'other' }))).toEqual([400, 'invalid_type'])
    expect(ids((await admin.get('/api/admin/categories')).body)).toEqual(order)
  })

  it('refuses a label an active category has (as people read it), in either language; retired ones do not count', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    expect(outcome(await admin.post('/api/admin/categories', { zh: '其他' }))).toEqual([409, 'category_label_taken'])
    expect(outcome(await admin.post('/api/admin/categories', { zh: '\u3000其他 ' }))).toEqual([409, 'category_label_taken'])
    expect(outcome(await admin.post('/api/admin/categories', { zh: '别的', en: 'OTHER' }))).toEqual([409, 'category_label_taken'])
    expect(outcome(await admin.post('/api/admin/categories', { zh: '别的', en: 'ｏｔｈｅｒ' }))).toEqual([409, 'category_label_taken'])
    expect(outcome(await admin.patch('/api/admin/categories/pay', { zh: '班子建设' }))).toEqual([409, 'category_label_taken'])
    // Renaming to its own name is no clash; two without English are none either.
    expect((await admin.patch('/api/admin/categories/pay', { zh: '薪酬考核' })).status).toBe(200)
    await admin.patch('/api/admin/categories/pay', { en: '' })
    expect((await admin.patch('/api/admin/categories/other', { en: '' })).status).toBe(200)
    // A retired category's label may be used again, but then it cannot come back as it is.
    await admin.patch('/api/admin/categories/other', { retired: true })
    const fresh = await admin.post('/api/admin/categories', { zh: '其他' })
    expect(fresh.status).toBe(201)
    expect(outcome(await admin.patch('/api/admin/categories/other', { retired: false }))).toEqual([409, 'category_label_taken'])
    expect((await admin.patch('/api/admin/categories/other', { retired: false, zh: '其他（旧）' })).body).toMatchObject({ zh: '其他（旧）', retired: false })
  })

  it(`allows at most ${CATEGORY_LIMITS.max} categories, retired ones included`, async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    await admin.patch('/api/admin/categories/other', { retired: true })
    for (let i = EIGHT.length; i < CATEGORY_LIMITS.max; i++) {
      expect((await admin.post('/api/admin/categories', { zh: `类别${i}` })).status).toBe(201)
    }
    expect(outcome(await admin.post('/api/admin/categories', { zh: '再多一个' }))).toEqual([409, 'too_many_categories'])
    expect(await db().db.selectFrom('categories').select('id').execute()).toHaveLength(CATEGORY_LIMITS.max)
  })

  it('refuses bad labels with 400 and writes nothing', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const bad: Array<[unknown, string]> = [
      [{ zh: '' }, 'text_required'],
      [{ zh: '   ' }, 'text_required'],
      [{ zh: '字'.repeat(CATEGORY_LIMITS.zhMax + 1) }, 'text_too_long'],
      [{ zh: '两\n行' }, 'invalid_characters'],
      [{ zh: '看不见\u200b' }, 'invalid_characters'],
      [{ zh: '好', en: 'x'.repeat(CATEGORY_LIMITS.enMax + 1) }, 'text_too_long'],
      [{ en: 'Only English' }, 'missing_field'],
      [{ zh: '好', id: 'mine' }, 'unknown_field'],
      ['not json', 'invalid_json'],
    ]
    for (const [input, code] of bad) expect([input, ...outcome(await admin.post('/api/admin/categories', input))]).toEqual([input, 400, code])
    expect(outcome(await admin.patch('/api/admin/categories/pay', { retired: 'yes' }))).toEqual([400, 'invalid_type'])
    expect(await db().db.selectFrom('categories').select('id').execute()).toHaveLength(EIGHT.length)
    expect(zhOf(await admin.get('/api/admin/categories'), 'pay')).toBe('薪酬考核')
  })

  it('lets only admins of the top unit change categories (403 for the others, 401 without a session)', async () => {
    const c = await adminCast(db())
    for (const who of ['admin1', 'officer', 'officer1', 'leader', 'handler', 'handler1'] as Who[]) {
      const s = await c.as(who)
      expect([who, ...outcome(await s.post('/api/admin/categories', { zh: '新类别' }))]).toEqual([who, 403, 'forbidden'])
      expect([who, ...outcome(await s.patch('/api/admin/categories/pay', { retired: true }))]).toEqual([who, 403, 'forbidden'])
      expect([who, ...outcome(await s.put('/api/admin/categories/order', { ids: [...EIGHT].reverse() }))]).toEqual([who, 403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('POST', '/api/admin/categories', { zh: '新类别' }))).toEqual([401, 'unauthenticated'])
    expect(outcome(await c.anonymous('PATCH', '/api/admin/categories/pay', { retired: true }))).toEqual([401, 'unauthenticated'])
    expect((await (await c.as('admin')).get('/api/admin/categories')).body).toEqual(DEFAULT_CATEGORIES)
  })
})

function zhOf(res: { body: Array<{ id: string; zh: string }> }, id: string): string | undefined {
  return res.body.find((c) => c.id === id)?.zh
}

describeEachDialect('/api/admin/categories, two admins at once', ({ db }) => {
  it('lets only one of three simultaneous additions of a label through', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const answers = await Promise.all([1, 2, 3].map(() => admin.post('/api/admin/categories', { zh: '交通出行' })))
    expect(answers.map(outcome).sort()).toEqual([
      [201, 'ok'],
      [409, 'category_label_taken'],
      [409, 'category_label_taken'],
    ])
    expect(await db().db.selectFrom('categories').select('id').where('label_zh', '=', '交通出行').execute()).toHaveLength(1)
  })
})
