import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDialect } from '../helpers/test-db'
import { postJson, testApp } from '../helpers/test-app'
import { workerItem } from '../helpers/worker-item'

// A batch is written in one transaction of a few statements (server/domain/submit.ts, storeBatch):
// every promise of the item-by-item writes holds for it.

const item = (content = '井场的道路下雨以后很泥泞，车辆进出困难') => workerItem(content)

describeEachDialect('batches written at once', ({ db }) => {
  const rows = () => db().db.selectFrom('suggestions').select(['id', 'serial_year', 'serial_seq']).orderBy('serial_seq').execute()
  const events = async () => Number((await db().db.selectFrom('suggestion_events').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'submit').executeTakeFirstOrThrow()).n)

  it('answers an item given twice in one batch once as created and once as received, and a reused code as taken', async () => {
    const app = testApp(db())
    const a = item()
    const b = item('宿舍楼的楼道灯坏了好几盏，晚上上下楼不方便')
    const changed = { ...a, content: '同一个编号，内容却不一样了' }
    const sameCode = { ...item('另一条意见，却用了别人的查询码'), followUpCode: b.followUpCode }
    const res = await postJson(app, '/api/suggestions', { items: [a, b, a, changed, sameCode] })
    expect(res.status).toBe(207)
    expect(res.body.results.map((r: any) => [r.id, r.result, r.status, r.error?.code])).toEqual([
      [a.id, 'created', 201, undefined],
      [b.id, 'created', 201, undefined],
      [a.id, 'duplicate', 200, undefined],
      [a.id, 'rejected', 409, 'id_conflict'],
      [sameCode.id, 'rejected', 409, 'follow_up_code_taken'],
    ])
    expect(res.body.results[2].number).toBe(res.body.results[0].number)
    expect((await rows()).map((r) => r.id)).toEqual([a.id, b.id])
    expect(await events()).toBe(2)
  })

  it('stores overlapping batches sent at once exactly once, numbered without gaps', async () => {
    const app = testApp(db())
    const items = Array.from({ length: 60 }, (_, i) => item(`第${i}条：井场的道路下雨以后很泥泞`))
    // Six requests: three copies of the first 40, three of the last 40 (20 items in both).
    const batches = [0, 1, 2, 3, 4, 5].map((k) => (k % 2 ? items.slice(20) : items.slice(0, 40)))
    const answers = await Promise.all(batches.map((b) => postJson(app, '/api/suggestions', { items: b })))
    const stored = await rows()
    expect(stored).toHaveLength(60)
    expect(stored.map((r) => r.serial_seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    expect(await events()).toBe(60)
    const number = new Map<string, string>()
    let created = 0
    for (const res of answers) {
      expect([200, 201, 207]).toContain(res.status)
      for (const r of res.body.results) {
        expect(['created', 'duplicate']).toContain(r.result)
        if (r.result === 'created') created++
        // Every copy of an item is answered with the one number it was stored under.
        expect(number.get(r.id) ?? r.number).toBe(r.number)
        number.set(r.id, r.number)
      }
    }
    expect(created).toBe(60)
  })

  it('keeps the others when the database refuses one item of a batch, and writes nothing of that one', async () => {
    const app = testApp(db())
    // A rule the app does not know of stands for any refusal the database alone makes.
    await sql`alter table suggestions add constraint test_refuses check (content not like '%拒收%')`.execute(db().db)
    try {
      const good = [item(), item('宿舍楼的楼道灯坏了好几盏'), item('网络信号太差，视频会议经常卡住')]
      const refused = item('这一条会被数据库拒收的意见')
      const res = await postJson(app, '/api/suggestions', { items: [good[0], refused, good[1], good[2]] })
      expect(res.status).toBe(207)
      expect(res.body.results.map((r: any) => [r.result, r.status])).toEqual([
        ['created', 201],
        ['rejected', 400],
        ['created', 201],
        ['created', 201],
      ])
      expect(res.body.results[1].error).toMatchObject({ code: 'invalid_request', message: expect.any(String) })
      expect((await rows()).map((r) => r.id).sort()).toEqual(good.map((g) => g.id).sort())
      expect((await rows()).map((r) => r.serial_seq)).toEqual([1, 2, 3])
      expect(await events()).toBe(3)
    } finally {
      await sql`alter table suggestions drop constraint test_refuses`.execute(db().db)
    }
  })

  it('writes a batch in two statements, not a few per item', async () => {
    const app = testApp(db())
    const seen: string[] = []
    const d = db().db.withPlugin({
      transformQuery: (args) => {
        seen.push(args.node.kind)
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    const counted = testApp({ ...db(), db: d })
    await postJson(app, '/api/suggestions', { items: [item()] })
    seen.length = 0
    const res = await postJson(counted, '/api/suggestions', { items: Array.from({ length: 50 }, () => item()) })
    expect(res.status).toBe(201)
    // One look (what is stored under the ids and codes, the QR points, the categories), then one
    // statement for the counter, the rows and their events: for 50 items as for one.
    expect(seen).toEqual(['RawNode', 'RawNode'])
  })
})
