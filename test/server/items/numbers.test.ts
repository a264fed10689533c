import { expect, it } from 'vitest'
import * as migration from '../../../server/db/migrations/2026-11-26-19-serial-numbers'
import { submitItems } from '../../../server/domain/submit'
import { chinaYear } from '../../../shared/time'
import { postJson } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { workerItem } from '../../helpers/worker-item'
import { cast } from './fixtures'

const thisYear = () => chinaYear(new Date())
const numbered = (n: number, year = thisYear()) => `YJ-${year}-${String(n).padStart(4, '0')}`

describeEachDialect('readable item numbers', ({ db }) => {
  it('numbers items in order of arrival, from 0001 each year', async () => {
    const { app } = await cast(db())
    const items = [workerItem('第一条意见的内容'), workerItem('第二条意见的内容'), workerItem('第三条意见的内容')]
    const first = await postJson(app, '/api/suggestions', { items: [items[0]] })
    const rest = await postJson(app, '/api/suggestions', { items: items.slice(1) })
    expect([...first.body.results, ...rest.body.results].map((r: any) => r.number)).toEqual([numbered(1), numbered(2), numbered(3)])
  })

  it('starts a new year at midnight in China, not in UTC', async () => {
    const at = (iso: string) => () => new Date(iso)
    const submit = async (iso: string) => (await submitItems(db().db, [workerItem('跨年夜值班的意见')], 'zh-CN', undefined, at(iso))).outcomes[0] as any
    // 23:30 on 31 December in China is still 2026; 00:30 on 1 January is 2027, though both are 31 December in UTC.
    expect((await submit('2026-12-31T23:30:00+08:00')).number).toBe('YJ-2026-0001')
    expect((await submit('2027-01-01T00:30:00+08:00')).number).toBe('YJ-2027-0001')
    expect((await submit('2027-01-01T01:00:00+08:00')).number).toBe('YJ-2027-0002')
    const rows = await db().db.selectFrom('serial_counters').selectAll().orderBy('year').execute()
    expect(rows).toEqual([{ year: 2026, last: 1 }, { year: 2027, last: 2 }])
  })

  it('gives concurrent submissions distinct, consecutive numbers', async () => {
    const { app } = await cast(db())
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 10 }, (_, i) => workerItem(`第${b}批第${i}条意见`)))
    const answers = await Promise.all(batches.map((items) => postJson(app, '/api/suggestions', { items })))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201))
    const numbers = answers.flatMap((a) => a.body.results.map((r: any) => r.number)).sort()
    expect(numbers).toEqual(Array.from({ length: 80 }, (_, i) => numbered(i + 1)))
    // Within a batch the items were stored in order, so their numbers rise.
    for (const a of answers) {
      const seqs = a.body.results.map((r: any) => Number(r.number.split('-')[2]))
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
    }
  })

  it('spends no number on a replay, an id conflict or a 查询码 already taken', async () => {
    const { app } = await cast(db())
    const a = workerItem('第一条意见的内容')
    expect((await postJson(app, '/api/suggestions', { items: [a] })).body.results[0].number).toBe(numbered(1))
    const replay = await postJson(app, '/api/suggestions', { items: [a] })
    expect([replay.body.results[0].result, replay.body.results[0].number]).toEqual(['duplicate', numbered(1)])
    const conflict = await postJson(app, '/api/suggestions', { items: [{ ...a, content: '改过的意见内容' }] })
    expect(conflict.body.results[0].error.code).toBe('id_conflict')
    // A new id with a taken code reaches the insert (and its number) before the unique index refuses it.
    const taken = await postJson(app, '/api/suggestions', { items: [workerItem('另一条意见内容', { followUpCode: a.followUpCode })] })
    expect(taken.body.results[0].error.code).toBe('follow_up_code_taken')
    expect((await postJson(app, '/api/suggestions', { items: [workerItem('第二条意见的内容')] })).body.results[0].number).toBe(numbered(2))
  })

  it('shows the number in the inbox, the item, the CSV and the worker\'s view, and the search finds it', async () => {
    const { sessions, submit, track } = await cast(db())
    await submit('食堂的饭菜太咸了')
    const b = await submit(`宿舍空调坏了，编号${numbered(1)}的意见也说过`)
    const c = await submit('澡堂热水不够用')
    const list = (await sessions.officer.get('/api/admin/items')).body.items as any[]
    expect(list.map((i) => i.number)).toEqual([numbered(3), numbered(2), numbered(1)])
    expect((await sessions.officer.get(`/api/admin/items/${b.id}`)).body.number).toBe(numbered(2))
    const csv: string = (await sessions.officer.get('/api/admin/items/export.csv')).body
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^"${numbered(3)}","`))
    expect((await track(c.code)).number).toBe(numbered(3))

    const search = async (q: string) => ((await sessions.officer.get(`/api/admin/items?q=${encodeURIComponent(q)}`)).body.items as any[]).map((i) => i.number)
    expect(await search(numbered(3))).toEqual([numbered(3)])
    expect(await search(numbered(3).toLowerCase())).toEqual([numbered(3)])
    expect(await search(`${thisYear()}-3`)).toEqual([numbered(3)])
    // The first item by its number, and the item whose text quotes that number.
    expect(await search(numbered(1))).toEqual([numbered(2), numbered(1)])
    expect(await search(numbered(9))).toEqual([])
  })

  it('numbers the items stored before it by China year, in order of arrival (the migration)', async () => {
    const submit = async (iso: string) => (await submitItems(db().db, [workerItem('迁移前存下的意见')], 'zh-CN', undefined, () => new Date(iso))).outcomes[0]!.id!
    const late = await submit('2026-12-31T23:30:00+08:00')
    const newYear = await submit('2027-01-01T00:30:00+08:00')
    const early = await submit('2026-06-01T08:00:00+08:00')
    await migration.down(db().db)
    await migration.up(db().db)
    const rows = await db().db.selectFrom('suggestions').select(['id', 'serial_year', 'serial_seq']).orderBy('serial_year').orderBy('serial_seq').execute()
    expect(rows).toEqual([
      { id: early, serial_year: 2026, serial_seq: 1 },
      { id: late, serial_year: 2026, serial_seq: 2 },
      { id: newYear, serial_year: 2027, serial_seq: 1 },
    ])
    expect(await db().db.selectFrom('serial_counters').selectAll().orderBy('year').execute()).toEqual([{ year: 2026, last: 2 }, { year: 2027, last: 1 }])
    expect(((await submitItems(db().db, [workerItem('迁移后的新意见')], 'zh-CN', undefined, () => new Date('2027-02-01T08:00:00+08:00'))).outcomes[0] as any).number).toBe('YJ-2027-0002')
  })
})
