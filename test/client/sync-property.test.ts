import fc from 'fast-check'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import type { LocalDb } from '../../client/local-db/db'
import { syncOnce } from '../../client/sync/engine'
import { testApp } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'
import { network, newDevice, queueItems } from './device-fixtures'

type Fault = null | 'offline' | 'drop-response' | 'server-500' | 'captive-portal'
type Step = { kind: 'submit'; n: number } | { kind: 'sync'; fault: Fault } | { kind: 'two-tabs'; fault: Fault } | { kind: 'reload' }

const fault = fc.constantFrom<Fault>(null, 'offline', 'drop-response', 'server-500', 'captive-portal')
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('sync' as const), fault }),
  fc.record({ kind: fc.constant('two-tabs' as const), fault }),
  fc.record({ kind: fc.constant('reload' as const) }),
)

describeEachDialect('sync under random schedules (property)', ({ db, dialect }) => {
  it('delivers every submitted item exactly once and leaves nothing pending', async () => {
    const app = testApp(db())
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const net = network(app)
        const device = newDevice()
        let current: LocalDb = device.db
        const ids: string[] = []
        for (const s of steps) {
          if (s.kind === 'submit') ids.push(...(await queueItems(current, s.n)).map((i) => i.id))
          else if (s.kind === 'reload') current = device.again()
          else {
            net.fault = s.fault
            const runs = s.kind === 'sync' ? [current] : [current, device.again()]
            await Promise.all(runs.map((tab) => syncOnce({ db: tab, fetch: net.fetch, refresh: false, timeoutMs: 200 })))
          }
        }
        net.fault = null
        const final = await syncOnce({ db: current, fetch: net.fetch, refresh: false })
        expect(final).toMatchObject({ ok: true, stillQueued: 0 })
        expect(await current.outbox.count()).toBe(0)
        expect((await current.mine.toArray()).filter((r) => r.delivery !== 'received')).toEqual([])
        if (ids.length) {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from suggestions where id in (${sql.join(ids)})`.execute(db().db)
          expect(rows[0]!.n).toBe(ids.length)
        }
      }),
      { numRuns: dialect === 'pglite' ? 40 : 20, seed: Number(process.env.FC_SEED) || undefined },
    )
  }, 120_000)
})
