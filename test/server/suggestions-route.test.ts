import { describe, expect, it } from 'vitest'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { uuidv7 } from '../../shared/uuid'
import { describeEachDialect } from '../helpers/test-db'
import { postJson, testApp } from '../helpers/test-app'

function item(overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    followUpCode: newFollowUpCode(),
    entryPoint: 'cs1',
    category: 'livelihood',
    content: '食堂晚饭能不能多一个素菜？',
    anonymous: true,
    createdAt: new Date().toISOString(),
    ...overrides,
  }
}

describeEachDialect('POST /api/suggestions', ({ db }) => {
  it('stores an anonymous item and answers 201 created', async () => {
    const app = testApp(db())
    const one = item()
    const res = await postJson(app, '/api/suggestions', { items: [one] })
    expect(res.status).toBe(201)
    expect(res.body.results).toEqual([{ id: one.id, result: 'created', status: 201, receivedAt: expect.any(String) }])
    const rows = await db().db.selectFrom('suggestions').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: one.id, status: 'submitted', submitter_name: null })
  })
})
