import fc from 'fast-check'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { STATUSES } from '../../../shared/statuses'
import { uuidv7 } from '../../../shared/uuid'
import type { SessionUser } from '../../../server/auth/sessions'
import { listItems, SEARCH_TUNING } from '../../../server/domain/items/list'
import { contentGrams } from '../../../server/domain/search-grams'
import type { ItemQuery } from '../../../shared/schemas/item-query'
import { describeEachDialect } from '../../helpers/test-db'
import { cast } from './fixtures'

// A search page is found by walking the newest rows, by the gram index, or by a walk and then the
// index for what is older than it reached (server/domain/items/list.ts). Small random tunings
// make every switch happen on a few hundred items; whatever the way, paging through with cursors
// must give exactly the matching items the reviewer sees, newest first, each once.

const PIECES = ['食堂', '食堂', '食堂', '加班', '的', '了', '热水器', '饭', 'Ab', '，', ' ']
const TERMS = ['食堂', '堂的', '热水器', '鼠患', '鲸鱼', 'ab', 'AB', '食', '饭了', '堂加班']
const ITEMS = 180

describeEachDialect('the inbox search, walked or indexed (property)', ({ db }) => {
  it('pages through exactly the matching items a reviewer sees, newest first, whatever the tuning', async () => {
    const { ids } = await cast(db())
    const d = db().db
    await db().reset()
    const units = await d.selectFrom('org_units').select(['id', 'path', 'name']).execute()
    const points = await d.selectFrom('entry_points').select(['id', 'unit_id']).execute()
    const top = units.find((u) => u.path.split('/').filter(Boolean).length === 1)!
    const cs2 = units.find((u) => u.name === '第二中心站')!
    const officer: SessionUser = { id: ids.officer.id, username: 'officer', displayName: '', role: 'officer', unitId: top.id, unitPath: top.path, csrfToken: '' }
    const officer2: SessionUser = { ...officer, id: ids.officer2.id, unitId: cs2.id, unitPath: cs2.path }

    // Items once: random text, some arriving at the same instant, two of them with the rare term.
    const random = fc.sample(fc.array(fc.nat({ max: PIECES.length - 1 }), { minLength: 1, maxLength: 12 }), { numRuns: ITEMS, seed: 42 })
    const rows = random.map((picks, n) => {
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 3) * 3_600_000)
      const point = points[n % points.length]!
      const content = (n === 17 || n === 120 ? '库房有鼠患' : '') + picks.map((p) => PIECES[p]).join('')
      return {
        id: uuidv7(at.getTime()),
        follow_up_hash: `search-${n}`,
        payload_hash: 'x',
        entry_point_id: point.id,
        unit_id: point.unit_id,
        category: n % 2 ? 'pay' : 'livelihood',
        status: STATUSES[n % 3]!,
        content,
        anonymous: true,
        device_created_at: at,
        received_at: at,
        content_grams: contentGrams(content),
        serial_year: 1999,
        serial_seq: n + 1,
      }
    })
    await d.insertInto('suggestions').values(rows).execute()
    await sql`analyze suggestions`.execute(d)
    const unitPath = new Map(units.map((u) => [u.id, u.path]))
    const byNewest = [...rows].sort((a, b) => b.received_at.getTime() - a.received_at.getTime() || (a.id < b.id ? 1 : -1))

    const tuning = fc.record({ walkFirst: fc.integer({ min: 1, max: 60 }), walkMax: fc.integer({ min: 1, max: 200 }), indexMax: fc.integer({ min: 0, max: 80 }) })
    const filter = fc.constantFrom<Partial<ItemQuery>>({}, { status: ['submitted'] }, { category: ['pay'] }, { status: ['accepted', 'dispatched'], category: ['livelihood'] })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TERMS), filter, fc.constantFrom(officer, officer2), fc.integer({ min: 1, max: 25 }), tuning, async (term, f, who, limit, t) => {
        const expected = byNewest
          .filter((r) => r.content.toLowerCase().includes(term.toLowerCase()))
          .filter((r) => unitPath.get(r.unit_id)!.startsWith(who.unitPath))
          .filter((r) => !f.status || f.status.includes(r.status as never))
          .filter((r) => !f.category || f.category.includes(r.category))
          .map((r) => r.id)
        const seen: string[] = []
        let cursor: string | undefined
        for (let page = 0; page < 200; page++) {
          const res = await listItems(d, who, { ...f, q: term, limit, ...(cursor ? { cursor } : {}) } as ItemQuery, new Date(), t)
          expect(res.items.length).toBeLessThanOrEqual(limit)
          seen.push(...res.items.map((i) => i.id))
          if (!res.nextCursor) break
          expect(res.items.length).toBe(limit)
          cursor = res.nextCursor
        }
        expect(seen).toEqual(expected)
      }),
      { numRuns: 40 },
    )
    // The shipped tuning on the same items: one page holds every match.
    const all = await listItems(d, officer, { q: '食堂', limit: 100 } as ItemQuery, new Date(), SEARCH_TUNING)
    expect(all.items.map((i) => i.id)).toEqual(byNewest.filter((r) => r.content.includes('食堂')).slice(0, 100).map((r) => r.id))
    expect(byNewest.filter((r) => r.content.includes('鼠患'))).toHaveLength(2)
  })
})
