import fc from 'fast-check'
import { expect, it } from 'vitest'
import { ChangePasswordSchema, LoginSchema } from '../../../shared/schemas/auth'
import { RateSchema, WorkerMessageSchema } from '../../../shared/schemas/track'
import { DEFAULT_CATEGORIES } from '../../../shared/categories'
import { newFollowUpCode } from '../../../shared/follow-up-code'
import { RATINGS } from '../../../shared/ratings'
import { uuidv7 } from '../../../shared/uuid'
import { SubmitBatchSchema, SubmitItemSchema, TrackRequestSchema, validate } from '../../../shared/validation'
import { TEST_PASSWORD } from '../../helpers/admin'
import { postJson, send } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { workerItem } from '../../helpers/worker-item'
import { DEEP, notText, text, nearInstant, date, uuidOf, choice, flag, Often, type Fields, keepOr, edits, applyEdits, RAW_BODIES, body, toJson, wire, accepts, encode, hostile } from './values'
import { SAME_ORIGIN, crew, cheapPassword, REPLY, RAW_SEGMENTS } from './crew'

const CATEGORY_IDS = DEFAULT_CATEGORIES.map((c) => c.id)

// Each route gets a valid base input, and fast-check replaces one to three of its fields with
// hostile values. Whether the route's shared schema accepts the input or not, the answer must be
// below 500 with the one error shape; a share of the inputs must pass the schema, or the property
// would only have tested refusals. The values and the property: ./values.ts.

describeEachDialect("the worker's routes and the login on hostile input: whatever passes validation, the database accepts (property)", ({ db }) => {
  it('POST /api/suggestions answers below 500', async () => {
    const c = await crew(db())
    const stored = workerItem('已经存下的意见内容')
    expect((await postJson(c.app, '/api/suggestions', { items: [stored] })).status).toBe(201)
    const named = { anonymous: false, submitter: { name: '张三', employeeNo: 'A-001', phone: '13912345678' } }
    const fields: Fields = {
      id: uuidOf([stored.id, uuidv7(), uuidv7(Date.now(), new Uint8Array(10))]),
      followUpCode: choice(
        [stored.followUpCode, stored.followUpCode.toLowerCase(), stored.followUpCode.replace(/-/g, ' '), '0000-0000-0000-0000', newFollowUpCode().replace(/0/g, 'O')],
        newFollowUpCode(),
        19,
      ),
      entryPoint: choice(['cs1', 'CS1', 'cs1 ', 'nope', 'x'.repeat(32), 'x'.repeat(33), 'a.b', ''], 'cs1', 32),
      category: choice(CATEGORY_IDS, 'livelihood'),
      content: text('食堂晚饭太早，夜班的同事吃不上热饭', 2000),
      anonymous: flag,
      // The named base's submitter with one of its parts edited, the others left valid.
      submitter: new Often(
        fc.oneof(
          {
            weight: 4,
            arbitrary: edits({
              name: text('张三', 50),
              employeeNo: choice(['A-001', '', 'a'.repeat(32), 'a'.repeat(33), 'A_001'], 'A-001', 32),
              phone: choice(['13912345678', '+86 139-1234-5678', '', '1234', '１３９１２３４５６７８', '139\u00a01234\u00a05678'], '13912345678', 20),
            }, 1).map((list) => applyEdits(named.submitter, list)),
          },
          { weight: 1, arbitrary: notText },
        ),
        3,
      ),
      createdAt: date(nearInstant),
    }
    const raw = [
      ...RAW_BODIES,
      '{"items":{}}',
      '{"items":[]}',
      '{"items":"x"}',
      '{"items":[null,1,"x",[],{}]}',
      // The stored item again, one field nested 20,000 deep: the replay check reads it before any schema.
      ...['id', 'followUpCode', 'entryPoint', 'category', 'anonymous', 'createdAt'].map((k) => `{"items":[${toJson({ ...stored, [k]: DEEP })}]}`),
    ]
    const arb = fc.record({
      // A stored item sent again with fields changed: the replay check reads them before any schema does.
      replay: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      named: fc.boolean(),
      // Now and then a valid item more (a mixed answer), or a hundred (one too many).
      extra: fc.oneof({ weight: 36, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(100) }),
      // Now and then one field nested 20,000 deep, above all in a replay.
      deep: fc.oneof(
        { weight: 7, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('id', 'followUpCode', 'entryPoint', 'category', 'content', 'anonymous', 'submitter', 'createdAt') },
      ),
      // One field at a time: an item has eight, and the replay, the depth and the batch size vary besides.
      body: body(fields, 1, raw),
    })
    await hostile(
      'POST /api/suggestions',
      arb,
      async ({ replay, named: namedBase, extra, deep, body: input }) => {
        // A submitter goes with a named item, or the schema refuses it before the database sees it.
        const isNamed = namedBase || ('edits' in input && input.edits.some(([key]) => key === 'submitter'))
        const item: Record<string, unknown> = replay ? { ...stored } : { ...workerItem('食堂晚饭太早，夜班的同事吃不上热饭'), ...(isNamed ? named : {}) }
        if (deep) item[deep] = DEEP
        const items = 'raw' in input ? input.raw : `[${wire(item, input)}${Array.from({ length: extra }, () => `,${toJson(workerItem())}`).join('')}]`
        const json = 'raw' in input ? input.raw : `{"items":${items}}`
        const res = await postJson(c.app, '/api/suggestions', json)
        let accepted = false
        try {
          const parsed = JSON.parse(json)
          accepted = validate(SubmitBatchSchema, parsed).ok && parsed.items.every((i: unknown) => validate(SubmitItemSchema, i).ok)
        } catch {
          // not JSON: refused
        }
        return { res, accepted }
      },
      { runs: 500, seed: 0x10001 },
    )
  })

  it('POST /api/track answers below 500', async () => {
    const c = await crew(db())
    const [stored] = await c.submit()
    const code = fc.oneof(fc.constantFrom(stored!.code, stored!.code.toLowerCase(), '0000-0000-0000-0000', 'x'.repeat(65)), text(stored!.code, 19))
    const fields: Fields = {
      codes: fc.oneof(
        { weight: 4, arbitrary: fc.array(code, { minLength: 1, maxLength: 5 }) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>([], Array(101).fill(stored!.code), Array(100).fill('x'), 'code', [1], [null], [[stored!.code]], {}) },
      ),
    }
    await hostile(
      'POST /api/track',
      body(fields),
      async (input) => {
        const json = wire({ codes: [stored!.code] }, input)
        return { res: await postJson(c.app, '/api/track', json), accepted: accepts(TrackRequestSchema, json) }
      },
      { runs: 100, seed: 0x10002 },
    )
  })

  for (const [path, schema] of [
    ['/api/track/rate', RateSchema],
    ['/api/track/message', WorkerMessageSchema],
  ] as const) {
    it(`POST ${path} answers below 500`, async () => {
      const c = await crew(db())
      const [item, other] = await c.submit(2)
      await c.act(item!.id, 'accept')
      await c.act(item!.id, 'reply', REPLY)
      // Device ids already used: one on this item (a replay), one on another item (a conflict).
      const [here, elsewhere] = [uuidv7(), uuidv7()]
      expect((await postJson(c.app, '/api/track/message', { id: here, code: item!.code, text: '第一条留言' })).status).toBe(200)
      expect((await postJson(c.app, '/api/track/message', { id: elsewhere, code: other!.code, text: '另一条的留言' })).status).toBe(200)
      const fields: Fields = {
        id: keepOr(uuidOf([here, elsewhere, uuidv7()])),
        code: choice([item!.code, item!.code.toLowerCase(), item!.code.replace(/-/g, ''), other!.code, '0000-0000-0000-0000', ''], item!.code, 19),
        ...(path.endsWith('rate') ? { rating: choice(RATINGS, 'satisfied'), message: text('谢谢，已经修好了', 2000) } : { text: text('还有一个问题想问', 2000) }),
      }
      const base = () =>
        path.endsWith('rate') ? { id: uuidv7(), code: item!.code, rating: 'satisfied', message: '谢谢，已经修好了' } : { id: uuidv7(), code: item!.code, text: '还有一个问题想问' }
      await hostile(
        `POST ${path}`,
        body(fields),
        async (input) => {
          // 不满意 reopens the item; a verdict needs an answer again.
          if ((await c.detail(item!.id)).status === 'accepted') await c.act(item!.id, 'reply', REPLY)
          const json = wire(base(), input)
          return { res: await postJson(c.app, path, json), accepted: accepts(schema, json) }
        },
        { runs: 100, seed: path.endsWith('rate') ? 0x10003 : 0x10004 },
      )
    })
  }

  it('POST /api/auth/login answers below 500', async () => {
    const c = await crew(db())
    await cheapPassword(c, 'officer')
    expect((await send(c.app, 'POST', '/api/auth/login', SAME_ORIGIN, { username: 'officer', password: TEST_PASSWORD })).status).toBe(200)
    const fields: Fields = {
      // The username is looked up in the database; the password only meets scrypt.
      username: new Often(
        choice(['officer', 'OFFICER', ' officer ', 'officer\u0000', 'o', 'x'.repeat(32), 'x'.repeat(33), 'nobody', '\u212a\u212a', 'a.b-c_d'], 'officer', 32),
        3,
      ),
      password: choice([TEST_PASSWORD, `${TEST_PASSWORD} `, '', 'x'.repeat(200), 'x'.repeat(201)], TEST_PASSWORD, 200),
    }
    await hostile(
      'POST /api/auth/login',
      body(fields),
      async (input) => {
        // Each accepted input is a counted attempt: the limits would soon answer 429 before the lookup.
        await c.db.db.deleteFrom('rate_limits').execute()
        const json = wire({ username: 'officer', password: TEST_PASSWORD }, input)
        return { res: await send(c.app, 'POST', '/api/auth/login', SAME_ORIGIN, json), accepted: accepts(LoginSchema, json) }
      },
      { runs: 40, seed: 0x10005 },
    )
  })

  it('POST /api/auth/password answers below 500', async () => {
    const c = await crew(db())
    await cheapPassword(c, 'leader')
    expect((await send(c.app, 'POST', '/api/auth/login', SAME_ORIGIN, { username: 'leader', password: TEST_PASSWORD })).status).toBe(200)
    const fields: Fields = {
      current: choice([TEST_PASSWORD, `${TEST_PASSWORD} `, '', 'x'.repeat(201)], TEST_PASSWORD, 200),
      next: choice(['a new password 2026', 'short', 'x'.repeat(10), 'x'.repeat(200), 'x'.repeat(201), '\u0000'.repeat(10), '\ud800'.repeat(10), '字'.repeat(10)], 'a new password 2026', 200),
    }
    await hostile(
      'POST /api/auth/password',
      body(fields),
      async (input) => {
        await c.db.db.deleteFrom('rate_limits').execute()
        const json = wire({ current: TEST_PASSWORD, next: 'a new password 2026' }, input)
        const res = await c.as.leader.post('/api/auth/password', json)
        // Changed: back to the known password, at the cheap cost.
        if (res.status === 200) await cheapPassword(c, 'leader')
        return { res, accepted: accepts(ChangePasswordSchema, json) }
      },
      { runs: 25, seed: 0x10006 },
    )
  })

  it('GET /api/entry-points/:code answers below 500', async () => {
    const c = await crew(db())
    const code = fc.oneof(
      { weight: 3, arbitrary: choice(['cs1', 'CS1', 'nope', 'x'.repeat(32), 'x'.repeat(33), 'a_b-c'], 'cs1', 32).map((v) => ({ seg: encode(String(v)), value: v })) },
      { weight: 1, arbitrary: RAW_SEGMENTS },
    )
    await hostile(
      'GET /api/entry-points/:code',
      code,
      async ({ seg, value }) => ({
        res: await send(c.app, 'GET', `/api/entry-points/${seg}`, {}),
        accepted: typeof value === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(value),
      }),
      { runs: 100, seed: 0x10600 },
    )
  })
})
