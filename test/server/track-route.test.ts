import { expect, it } from 'vitest'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { uuidv7 } from '../../shared/uuid'
import type { KyselyPlugin } from 'kysely'
import { trackCodes } from '../../server/domain/track'
import { describeEachDialect } from '../helpers/test-db'
import { postJson, testApp } from '../helpers/test-app'

describeEachDialect('POST /api/track', ({ db }) => {
  async function submitted(code = newFollowUpCode()) {
    const item = {
      id: uuidv7(),
      followUpCode: code,
      entryPoint: 'base-canteen',
      category: 'livelihood',
      content: '希望食堂周末也供应早餐',
      anonymous: true,
      createdAt: new Date().toISOString(),
    }
    await postJson(testApp(db()), '/api/suggestions', { items: [item] })
    return item
  }

  it('finds an item by its follow-up code, however it is typed, with its public timeline', async () => {
    const item = await submitted()
    const typed = item.followUpCode.toLowerCase().replace(/-/g, ' ')
    const res = await postJson(testApp(db()), '/api/track', { codes: [typed] })
    expect(res.status).toBe(200)
    expect(res.body.results).toEqual([
      {
        code: typed,
        found: true,
        item: {
          id: item.id,
          number: expect.stringMatching(/^YJ-\d{4}-0001$/),
          status: 'submitted',
          category: 'livelihood',
          content: item.content,
          anonymous: true,
          entryPoint: { code: 'base-canteen', name: '基地食堂', unitPath: ['艾家湾采油作业区'], replyWithinDays: 7 },
          receivedAt: expect.any(String),
          updatedAt: expect.any(String),
          mergedInto: null,
          photos: [],
          events: [{ kind: 'submit', at: expect.any(String), status: 'submitted', text: null, data: null }],
        },
      },
    ])
  })

  it('answers every code in order: found, unknown, malformed', async () => {
    const item = await submitted()
    const unknown = newFollowUpCode()
    const res = await postJson(testApp(db()), '/api/track', { codes: [unknown, item.followUpCode, 'nonsense'] })
    expect(res.body.results.map((r: any) => [r.code, r.found, r.reason ?? r.item.id])).toEqual([
      [unknown, false, 'not_found'],
      [item.followUpCode, true, item.id],
      ['nonsense', false, 'invalid'],
    ])
  })

  it('hides internal notes and non-public events from the worker', async () => {
    const item = await submitted()
    await db().db
      .insertInto('suggestion_events')
      .values([
        { suggestion_id: item.id, kind: 'note', actor_kind: 'officer', note: '内部：找食堂管理员核实', is_public: false },
        { suggestion_id: item.id, kind: 'reveal', actor_kind: 'officer', note: '面谈', is_public: true },
      ])
      .execute()
    const res = await postJson(testApp(db()), '/api/track', { codes: [item.followUpCode] })
    expect(res.body.results[0].item.events.map((e: any) => e.kind)).toEqual(['submit'])
    expect(JSON.stringify(res.body)).not.toContain('内部')
  })

  it('refuses an empty list, more than 100 codes, and codes that are not strings', async () => {
    const app = testApp(db())
    expect((await postJson(app, '/api/track', { codes: [] })).body.error.code).toBe('batch_empty')
    const many = await postJson(app, '/api/track', { codes: Array.from({ length: 101 }, () => newFollowUpCode()) })
    expect([many.status, many.body.error.code]).toEqual([400, 'batch_too_large'])
    const wrong = await postJson(app, '/api/track', { codes: [42] })
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid_type'])
  })

  it('answers 100 codes at once exactly as 100 requests of one code each', async () => {
    const items = await Promise.all(Array.from({ length: 6 }, () => submitted()))
    // A duplicate merged into another item, and steps of a worker and of the union on that item.
    const [main, dup] = [items[0]!, items[1]!]
    await db().db.updateTable('suggestions').set({ status: 'merged', merged_into: main.id }).where('id', '=', dup.id).execute()
    await db()
      .db.insertInto('suggestion_events')
      .values([
        { suggestion_id: main.id, kind: 'message', actor_kind: 'worker', public_text: '还没修好', is_public: true },
        { suggestion_id: main.id, kind: 'reply', actor_kind: 'officer', public_text: '已联系维修', is_public: true },
      ])
      .execute()
    const codes = Array.from({ length: 100 }, (_, i) =>
      i % 5 === 4 ? 'nonsense' : i % 5 === 3 ? newFollowUpCode() : items[i % items.length]!.followUpCode.toLowerCase(),
    )
    const app = testApp(db())
    const batch = await postJson(app, '/api/track', { codes })
    expect(batch.status).toBe(200)
    const one = await Promise.all(codes.map(async (code) => (await postJson(app, '/api/track', { codes: [code] })).body.results[0]))
    expect(batch.body.results).toEqual(one)
    expect(batch.body.results.filter((r: any) => r.found)).toHaveLength(60)
    expect(one.find((r: any) => r.item?.id === dup.id).item.mergedInto.events.map((e: any) => e.kind)).toEqual(['reply'])
  })

  it('looks 100 codes up in as few queries as one code', async () => {
    const items = await Promise.all(Array.from({ length: 3 }, () => submitted()))
    let queries = 0
    const counting: KyselyPlugin = {
      transformQuery: (args) => (queries++, args.node),
      transformResult: async (args) => args.result,
    }
    const counted = db().db.withPlugin(counting)
    await trackCodes(counted, [items[0]!.followUpCode])
    const forOne = queries
    queries = 0
    const codes = Array.from({ length: 100 }, (_, i) => (i < 3 ? items[i]!.followUpCode : newFollowUpCode()))
    expect((await trackCodes(counted, codes)).results.filter((r) => r.found)).toHaveLength(3)
    expect(queries).toBe(forOne)
    expect(queries).toBeLessThanOrEqual(8)
  })
})
