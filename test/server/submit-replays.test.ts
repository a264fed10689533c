import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import { hashFollowUpCode, payloadFields } from '../../server/domain/hashing'
import { canonicalFollowUpCode } from '../../shared/follow-up-code'
import { postJson, testApp } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'
import { workerItem } from '../helpers/worker-item'

describeEachDialect('a retry of a stored item', ({ db }) => {
  const count = async () => Number((await db().db.selectFrom('suggestions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it('is a duplicate even after its QR code was switched off; a different item with that id is still a conflict', async () => {
    const app = testApp(db())
    const item = workerItem('二号站的路灯坏了三盏', { entryPoint: 'cs2' })
    expect((await postJson(app, '/api/suggestions', { items: [item] })).status).toBe(201)
    await db().db.updateTable('entry_points').set({ active: false }).where('code', '=', 'cs2').execute()
    const again = await postJson(app, '/api/suggestions', { items: [item] })
    expect([again.status, again.body.results[0].result]).toEqual([200, 'duplicate'])
    const changed = await postJson(app, '/api/suggestions', { items: [{ ...item, content: '二号站的路灯坏了四盏' }] })
    expect([changed.status, changed.body.error.code]).toEqual([409, 'id_conflict'])
    // A new item at the switched-off code is still refused.
    expect((await postJson(app, '/api/suggestions', { items: [workerItem('新的意见内容', { entryPoint: 'cs2' })] })).status).toBe(422)
    expect(await count()).toBe(1)
  })

  it('is a duplicate even when a rule became stricter since it was stored', async () => {
    // Stored under yesterday's rules: a code that is now refused as guessable, and a control
    // character the content rules now refuse. The device sends it again, unchanged.
    const item = workerItem('旧版本存下的意见\u0001内容', { followUpCode: '0000-0000-0000-0007' })
    const code = canonicalFollowUpCode(item.followUpCode)!
    await db()
      .db.insertInto('suggestions')
      .values({
        id: item.id,
        follow_up_hash: hashFollowUpCode(code),
        // The hash as it was made then: unkeyed.
        payload_hash: createHash('sha256').update(JSON.stringify(payloadFields(item))).digest('hex'),
        entry_point_id: (await db().db.selectFrom('entry_points').select('id').where('code', '=', 'cs1').executeTakeFirstOrThrow()).id,
        unit_id: (await db().db.selectFrom('entry_points').select('unit_id').where('code', '=', 'cs1').executeTakeFirstOrThrow()).unit_id,
        category: item.category,
        content: item.content,
        anonymous: true,
        device_created_at: item.createdAt,
        serial_year: 2026,
        serial_seq: 1,
      })
      .execute()
    const again = await postJson(testApp(db()), '/api/suggestions', { items: [item] })
    expect([again.status, again.body.results[0].result]).toEqual([200, 'duplicate'])
    expect(await count()).toBe(1)
  })

  it('is recognised among new items in one batch, each answered in order', async () => {
    const app = testApp(db())
    const [a, b] = [workerItem('第一条意见的内容'), workerItem('第二条意见的内容')]
    await postJson(app, '/api/suggestions', { items: [a] })
    const both = await postJson(app, '/api/suggestions', { items: [a, b, b] })
    expect([both.status, both.body.results.map((r: any) => r.result)]).toEqual([207, ['duplicate', 'created', 'duplicate']])
    expect(await count()).toBe(2)
  })
})
