import fc from 'fast-check'
import { expect, it } from 'vitest'
import { ACTIONS, type Action } from '../../../shared/lifecycle'
import { ItemQuerySchema } from '../../../shared/schemas/item-query'
import { StatsQuerySchema } from '../../../shared/schemas/stats-query'
import { validate } from '../../../shared/validation'
import { describeEachDialect } from '../../helpers/test-db'
import { choice, body, wire, accepts, serverQuery, queryString, hostile, type Fields } from './values'
import { type Who, crew, ACTION_CASES, itemQueryFields, query } from './crew'

// Each route gets a valid base input, and fast-check replaces one to three of its fields with
// hostile values. Whether the route's shared schema accepts the input or not, the answer must be
// below 500 with the one error shape; a share of the inputs must pass the schema, or the property
// would only have tested refusals. The values and the property: ./values.ts.

describeEachDialect("the inbox and every item action on hostile input: whatever passes validation, the database accepts (property)", ({ db }) => {
  for (const route of ['/api/admin/items', '/api/admin/items/export.csv'] as const) {
    it(`GET ${route} answers below 500 (every query field, the cursor too)`, async () => {
      const c = await crew(db())
      await c.submit(3)
      await c.submit(2, true)
      const page = await c.as.officer.get('/api/admin/items?limit=2')
      const fields = itemQueryFields(c, [page.body.nextCursor])
      const csv = route.endsWith('.csv')
      if (csv) fields.lang = choice(['en', 'zh-CN', 'fr', ''], 'en', 5)
      const who = fc.constantFrom<Who>('officer', 'leader', 'handler')
      await hostile(
        `GET ${route}`,
        fc.record({ who, q: query(fields) }),
        async ({ who: w, q }) => {
          const path = `${route}${queryString(q.edits, q.raw)}`
          const { lang: _lang, ...filters } = serverQuery(path)
          const res = await c.as[w].get(path)
          if (res.status === 200 && csv) expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
          return { res, accepted: validate(ItemQuerySchema, csv ? filters : serverQuery(path)).ok }
        },
        { runs: csv ? 200 : 400, seed: csv ? 0x10008 : 0x10007 },
      )
    })
  }

  it('GET /api/admin/items/stats answers below 500 (period and unit)', async () => {
    const c = await crew(db())
    await c.submit(3)
    await c.submit(2, true)
    const all = itemQueryFields(c, [''])
    const fields: Fields = { from: all.from!, to: all.to!, unitId: all.unitId! }
    const who = fc.constantFrom<Who>('officer', 'leader', 'handler')
    await hostile(
      'GET /api/admin/items/stats',
      fc.record({ who, q: query(fields) }),
      async ({ who: w, q }) => {
        const path = `/api/admin/items/stats${queryString(q.edits, q.raw)}`
        return { res: await c.as[w].get(path), accepted: validate(StatsQuerySchema, serverQuery(path)).ok }
      },
      { runs: 100, seed: 0x10009 },
    )
  })

  for (const action of Object.keys(ACTION_CASES) as Action[]) {
    it(`POST /api/admin/items/:id/${action} answers below 500`, async () => {
      const c = await crew(db())
      const spec = ACTION_CASES[action]
      const { next, fields } = await spec.setup(c, spec.runs)
      await hostile(
        `POST /api/admin/items/:id/${action}`,
        body(fields),
        async (input) => {
          const { id, base } = await next()
          const json = wire(base, input)
          return { res: await c.as.officer.post(`/api/admin/items/${id}/${action}`, json), accepted: accepts(ACTIONS[action].body, json) }
        },
        { runs: spec.runs, seed: 0x10100 + Object.keys(ACTION_CASES).indexOf(action) },
      )
    })
  }
})
