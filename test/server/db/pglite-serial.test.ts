import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../helpers/test-db'

describe('the PGlite connection', () => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb('pglite')
  })
  afterAll(() => t.close())

  it('keeps a query from one caller out of another caller\'s open transaction', async () => {
    await sql`create table probe (n int)`.execute(t.db)
    let inside!: () => void
    const holding = new Promise<void>((resolve) => (inside = resolve))
    const tx = t.db.transaction().execute(async (trx) => {
      await sql`insert into probe values (1)`.execute(trx)
      inside()
      await new Promise((r) => setTimeout(r, 50))
      throw new Error('roll back')
    })
    await holding
    // Issued while the transaction is open: must wait for it, and must not see or join it.
    const outside = sql<{ n: number }>`insert into probe values (2) returning n`.execute(t.db)
    await expect(tx).rejects.toThrow('roll back')
    await outside
    const { rows } = await sql<{ n: number }>`select n from probe order by n`.execute(t.db)
    expect(rows.map((r) => r.n)).toEqual([2])
  })
})
