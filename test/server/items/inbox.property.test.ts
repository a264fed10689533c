import fc from 'fast-check'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { RATINGS } from '../../../shared/ratings'
import { STATUSES } from '../../../shared/statuses'
import { todayInChina } from '../../../shared/time'
import { uuidv7 } from '../../../shared/uuid'
import type { SessionUser } from '../../../server/auth/sessions'
import { listItems, LIST_TUNING } from '../../../server/domain/items/list'
import { contentGrams } from '../../../server/domain/search-grams'
import type { ItemQuery } from '../../../shared/schemas/item-query'
import { describeEachDialect } from '../../helpers/test-db'
import { cast } from './fixtures'

// An inbox page is found by walking the newest rows, by the indexes' bitmaps (a walk that took
// too long), or for a search by a walk and then the gram index for what is older than it
// reached (server/domain/items/list.ts). Random filters of every kind, random small tunings
// and both ways forced: paging through with cursors must give exactly the items a reviewer
// sees that match, newest first, each once, as worked out here from the rows.

const PIECES = ['食堂', '食堂', '食堂', '加班', '的', '了', '热水器', '饭', 'Ab', '，', ' ']
const TERMS = ['食堂', '堂的', '热水器', '鼠患', '鲸鱼', 'ab', 'AB', '食', '饭了', '堂加班']
const ITEMS = 180
const CATEGORIES = ['pay', 'livelihood', 'skills']
const NOW = new Date('2026-03-15T12:00:00+08:00')
const DAY = 86_400_000

describeEachDialect('the inbox, walked or through the indexes (property)', ({ db }) => {
  it('pages through exactly the matching items a reviewer sees, newest first, whatever the way', async () => {
    const { ids } = await cast(db())
    const d = db().db
    await db().reset()
    const units = await d.selectFrom('org_units').select(['id', 'path', 'name']).execute()
    const points = await d.selectFrom('entry_points').select(['id', 'code', 'unit_id']).orderBy('code').execute()
    const top = units.find((u) => u.path.split('/').filter(Boolean).length === 1)!
    const cs2 = units.find((u) => u.name === '第二中心站')!
    const officer: SessionUser = { id: ids.officer.id, username: 'officer', displayName: '', role: 'officer', unitId: top.id, unitPath: top.path, csrfToken: '' }
    const officer2: SessionUser = { ...officer, id: ids.officer2.id, unitId: cs2.id, unitPath: cs2.path }

    // Items once: random text and fields, three at each instant, two with the rare term, some
    // dispatched with a deadline before or after NOW.
    const random = fc.sample(fc.record({ picks: fc.array(fc.nat({ max: PIECES.length - 1 }), { minLength: 1, maxLength: 12 }), f: fc.array(fc.nat({ max: 99 }), { minLength: 6, maxLength: 6 }) }), { numRuns: ITEMS, seed: 42 })
    const rows = random.map(({ picks, f }, n) => {
      const at = new Date(NOW.getTime() - 40 * DAY + Math.floor(n / 3) * 5 * 3_600_000)
      const point = points[f[0]! % points.length]!
      const content = (n === 17 || n === 120 ? '库房有鼠患' : '') + picks.map((p) => PIECES[p]).join('')
      const status = STATUSES.filter((s) => s !== 'merged')[f[1]! % 7]!
      return {
        id: uuidv7(at.getTime()),
        follow_up_hash: `inbox-${n}`,
        payload_hash: 'x',
        entry_point_id: point.id,
        code: point.code,
        unit_id: f[2]! % 4 ? point.unit_id : units[f[2]! % units.length]!.id,
        category: CATEGORIES[f[3]! % CATEGORIES.length]!,
        status,
        rating: f[4]! % 4 === 3 ? null : RATINGS[f[4]! % RATINGS.length]!,
        is_proposal: f[5]! % 5 === 0,
        deadline: status === 'dispatched' ? new Date(NOW.getTime() + ((f[5]! % 20) - 10) * DAY) : null,
        content,
        received_at: at,
      }
    })
    await d
      .insertInto('suggestions')
      .values(
        rows.map(({ code: _, deadline: __, ...r }, n) => ({ ...r, anonymous: true, device_created_at: r.received_at, content_grams: contentGrams(r.content), serial_year: 1999, serial_seq: n + 1 })),
      )
      .execute()
    const dispatched = rows.filter((r) => r.deadline)
    await d
      .insertInto('assignments')
      .values(dispatched.map((r) => ({ suggestion_id: r.id, unit_id: r.unit_id, leader_id: ids.leader.id, responsible_id: ids.handler1.id, deadline: r.deadline!, created_by: ids.officer.id })))
      .execute()
    await sql`analyze suggestions`.execute(d)
    const unitPath = new Map(units.map((u) => [u.id, u.path]))
    const byNewest = [...rows].sort((a, b) => b.received_at.getTime() - a.received_at.getTime() || (a.id < b.id ? 1 : -1))
    const day = (offset: number) => todayInChina(new Date(NOW.getTime() + offset * DAY))

    const every = fc.record({
        status: fc.subarray(['submitted', 'accepted', 'dispatched', 'replied', 'closed'], { minLength: 1 }),
        category: fc.subarray(CATEGORIES, { minLength: 1 }),
        rating: fc.subarray([...RATINGS], { minLength: 1 }),
        proposal: fc.constant('1' as const),
        overdue: fc.constant('1' as const),
        entryPoint: fc.constantFrom(...points.map((p) => p.code)),
        unitId: fc.constantFrom(cs2.id, top.id),
        from: fc.integer({ min: -45, max: 0 }).map(day),
        to: fc.integer({ min: -45, max: 0 }).map(day),
        q: fc.constantFrom(...TERMS),
    })
    // Up to three filters at once: more leave nothing to page through on 180 items.
    const filters = fc
      .tuple(every, fc.subarray(['status', 'category', 'rating', 'proposal', 'overdue', 'entryPoint', 'unitId', 'from', 'to', 'q'] as const, { maxLength: 3 }))
      .map(([all, keys]) => Object.fromEntries(keys.map((k) => [k, all[k]])) as Partial<typeof all>)
    const tuning = fc.record({
      walkMs: fc.constantFrom(0, 1, Infinity, LIST_TUNING.walkMs),
      walkFirst: fc.integer({ min: 1, max: 60 }),
      walkMax: fc.integer({ min: 1, max: 200 }),
      indexMax: fc.integer({ min: 0, max: 80 }),
    })
    // Runs whose matches took more than a page: the property is no check if most find nothing.
    let paged = 0
    await fc.assert(
      fc.asyncProperty(filters, fc.constantFrom(officer, officer2), fc.integer({ min: 1, max: 25 }), tuning, async (f, who, limit, t) => {
        const scope = f.unitId === top.id && who === officer2 ? null : f.unitId ? unitPath.get(f.unitId)! : who.unitPath
        const expected = byNewest
          .filter((r) => unitPath.get(r.unit_id)!.startsWith(who.unitPath) && (!scope || unitPath.get(r.unit_id)!.startsWith(scope)))
          .filter((r) => !f.q || r.content.toLowerCase().includes(f.q.toLowerCase()))
          .filter((r) => !f.status || f.status.includes(r.status))
          .filter((r) => !f.category || f.category.includes(r.category))
          .filter((r) => !f.rating || (r.rating !== null && f.rating.includes(r.rating)))
          .filter((r) => !f.proposal || r.is_proposal)
          .filter((r) => !f.overdue || (r.deadline !== null && r.deadline < NOW))
          .filter((r) => !f.entryPoint || r.code === f.entryPoint)
          .filter((r) => !f.from || todayInChina(r.received_at) >= f.from)
          .filter((r) => !f.to || todayInChina(r.received_at) <= f.to)
          .map((r) => r.id)
        const seen: string[] = []
        let cursor: string | undefined
        for (let page = 0; page < 200; page++) {
          const res = await listItems(d, who, { ...f, limit, ...(cursor ? { cursor } : {}) } as ItemQuery, NOW, t).catch((e: { code?: string }) => {
            // A unit outside the reviewer's subtree is a 404, as the route answers it.
            if (scope === null) return null
            throw e
          })
          if (!res) {
            expect(who).toBe(officer2)
            return
          }
          expect(res.items.length).toBeLessThanOrEqual(limit)
          seen.push(...res.items.map((i) => i.id))
          if (!res.nextCursor) break
          expect(res.items.length).toBe(limit)
          cursor = res.nextCursor
        }
        expect(seen).toEqual(expected)
        if (expected.length > limit) paged++
      }),
      { numRuns: 80 },
    )
    expect(paged).toBeGreaterThan(20)
    // The shipped tuning on the same items: one page holds every match.
    const all = await listItems(d, officer, { q: '食堂', limit: 100 } as ItemQuery, NOW, LIST_TUNING)
    expect(all.items.map((i) => i.id)).toEqual(byNewest.filter((r) => r.content.includes('食堂')).slice(0, 100).map((r) => r.id))
    expect(byNewest.filter((r) => r.content.includes('鼠患'))).toHaveLength(2)
    expect(dispatched.filter((r) => r.deadline! < NOW).length).toBeGreaterThan(3)
  })
})
