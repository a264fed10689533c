import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { statsFixture } from './stats-fixture'

// The expected figures are worked out by hand from the timeline in ./stats-fixture.ts (items A
// to H); each line says which items make the numerator and the denominator.
const ZERO = { submitted: 0, accepted: 0, dispatched: 0, reported: 0, replied: 0, closed: 0, merged: 0, declined: 0 }

/** The answer, with the rates compared to 1e-9 (1/3 is not exact in binary). */
function close(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number' && !Number.isInteger(value)) expect(actual[key], key).toBeCloseTo(value, 9)
    else expect(actual[key], key).toEqual(value)
  }
}

describeEachDialect('GET /api/admin/items/stats: the rates of shared/rates.ts on a hand-computed fixture', ({ db }) => {
  const get = async (who: 'officer' | 'officer2' | 'handler1' | 'handler2' | 'leader', query = '') => {
    const { sessions } = await statsFixture(db())
    const res = await sessions[who].get(`/api/admin/items/stats${query ? `?${query}` : ''}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }

  it('counts February per item, by China date: B..G (A is 01-31 23:30, H is 03-01 00:30 in China)', async () => {
    close(await get('officer', 'from=2026-02-01&to=2026-02-28'), {
      received: 6,
      byStatus: { ...ZERO, replied: 1, dispatched: 1, declined: 1, merged: 1, accepted: 2 },
      replyRate: 2 / 5, // B replied, D declined ÷ all but E (merged)
      implementationRate: 1 / 3, // F ÷ B (one partial), C (one unreported), F
      onTimeRate: 2 / 5, // B-cs1 (on the deadline's day), C-cs1 ÷ those + B-cs2, C-cs2 (unreported, past), F (late)
      satisfactionRate: 1 / 2, // B 基本满意 ÷ B, F (不满意, reopened)
      byRating: { satisfied: 0, basically: 1, unsatisfied: 1 },
      medianDaysToReply: 7, // D 1, F 7, B 12
      open: 3, // C, F (reopened), G
      overdue: 1, // C
      proposals: 1, // G
    })
  })

  it('counts January alone, and a period across the month edge', async () => {
    close(await get('officer', 'from=2026-01-01&to=2026-01-31'), {
      received: 1,
      byStatus: { ...ZERO, closed: 1 },
      replyRate: 1,
      implementationRate: 1,
      onTimeRate: 1,
      satisfactionRate: 1,
      medianDaysToReply: 4,
      open: 0,
      overdue: 0,
      proposals: 0,
    })
    close(await get('officer', 'from=2026-01-31&to=2026-02-01'), {
      received: 2, // A, B
      replyRate: 1,
      implementationRate: 1 / 2, // A ÷ A, B
      onTimeRate: 2 / 3, // A, B-cs1 ÷ A, B-cs1, B-cs2
      satisfactionRate: 1,
      medianDaysToReply: 8, // (4 + 12) / 2
      open: 0,
    })
    close(await get('officer', 'from=2026-02-28&to=2026-03-01'), {
      received: 2, // G, H
      byStatus: { ...ZERO, accepted: 1, submitted: 1 },
      replyRate: 0,
      implementationRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      medianDaysToReply: null,
      open: 2,
      proposals: 1,
    })
    close(await get('officer', 'to=2026-01-31'), { received: 1, byStatus: { ...ZERO, closed: 1 } })
    close(await get('officer', 'from=2026-03-01'), { received: 1, byStatus: { ...ZERO, submitted: 1 } })
  })

  it('counts every item without a period, and nothing in an empty one', async () => {
    close(await get('officer'), {
      received: 8,
      replyRate: 3 / 7, // A, B, D ÷ all but E
      implementationRate: 2 / 4, // A, F ÷ A, B, C, F
      onTimeRate: 3 / 6, // A, B-cs1, C-cs1 ÷ every dispatch
      satisfactionRate: 2 / 3, // A, B ÷ A, B, F
      medianDaysToReply: 5.5, // 1, 4, 7, 12
      open: 4, // C, F, G, H
      overdue: 1,
      proposals: 1,
    })
    close(await get('officer', 'from=2025-01-01&to=2025-12-31'), {
      received: 0,
      byStatus: ZERO,
      replyRate: null,
      implementationRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      medianDaysToReply: null,
      open: 0,
      overdue: 0,
      proposals: 0,
    })
  })

  it('rolls a unit up the tree: 第一中心站 counts its station 艾一站 (G)', async () => {
    const { units, station } = await statsFixture(db())
    close(await get('officer', `from=2026-02-01&to=2026-02-28&unitId=${units.cs1}`), {
      received: 4, // C, D, E, G
      byStatus: { ...ZERO, dispatched: 1, declined: 1, merged: 1, accepted: 1 },
      replyRate: 1 / 3, // D ÷ C, D, G
      implementationRate: 0, // C has an unreported dispatch
      onTimeRate: 1 / 2, // C-cs1 ÷ C-cs1, C-cs2
      satisfactionRate: null,
      medianDaysToReply: 1,
      open: 2,
      overdue: 1,
      proposals: 1,
    })
    close(await get('officer', `from=2026-02-01&to=2026-02-28&unitId=${station}`), { received: 1, open: 1, proposals: 1, replyRate: 0 })
    close(await get('officer', `from=2026-02-01&to=2026-02-28&unitId=${units.cs2}`), {
      received: 2, // B, F
      replyRate: 1 / 2,
      implementationRate: 1 / 2,
      onTimeRate: 1 / 3, // B-cs1 ÷ B-cs1, B-cs2, F
      satisfactionRate: 1 / 2,
      medianDaysToReply: 9.5, // 7, 12
      open: 1,
    })
  })

  it("counts only what a handler, a leader or a station's officer sees", async () => {
    const feb = 'from=2026-02-01&to=2026-02-28'
    // handler2 sees the items dispatched to 第二中心站: B, C, F (every dispatch of them counts).
    close(await get('handler2', feb), {
      received: 3,
      byStatus: { ...ZERO, replied: 1, dispatched: 1, accepted: 1 },
      replyRate: 1 / 3,
      implementationRate: 1 / 3,
      onTimeRate: 2 / 5,
      satisfactionRate: 1 / 2,
      medianDaysToReply: 9.5,
      open: 2,
      overdue: 1,
      proposals: 0,
    })
    // handler1 sees B and C (dispatched to 第一中心站).
    close(await get('handler1', feb), { received: 2, replyRate: 1 / 2, implementationRate: 0, onTimeRate: 1 / 2, satisfactionRate: 1, medianDaysToReply: 12, open: 1, overdue: 1 })
    // The leader supervises every dispatch, and sees no item that was never dispatched (D, E, G).
    close(await get('leader', feb), { received: 3, byStatus: { ...ZERO, replied: 1, dispatched: 1, accepted: 1 } })
    // 第二中心站's officer sees what arrived there: B, F.
    close(await get('officer2', feb), { received: 2, replyRate: 1 / 2, medianDaysToReply: 9.5 })
  })

  it('refuses a unit outside the scope (422) and malformed filters (400)', async () => {
    const { sessions, units } = await statsFixture(db())
    for (const who of ['officer2', 'handler2'] as const) {
      const res = await sessions[who].get(`/api/admin/items/stats?unitId=${units.cs1}`)
      expect([who, res.status, res.body.error?.code]).toEqual([who, 422, 'unit_not_found'])
    }
    const missing = await sessions.officer.get('/api/admin/items/stats?unitId=00000000-0000-4000-8000-000000000000')
    expect([missing.status, missing.body.error.code]).toEqual([422, 'unit_not_found'])
    for (const query of ['from=2026-02-30', 'to=yesterday', 'unitId=abc', 'colour=red', 'status=replied']) {
      const res = await sessions.officer.get(`/api/admin/items/stats?${query}`)
      expect([query, res.status]).toEqual([query, 400])
      expect(res.body.error.code).toMatch(/^(invalid_query|invalid_date|invalid_id)$/)
    }
  })
})
