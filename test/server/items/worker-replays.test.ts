import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { uuidv7 } from '../../../shared/uuid'
import { postJson } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { cast } from './fixtures'

describeEachDialect('the worker\'s verdicts and messages sent again (offline queue replays)', ({ db }) => {
  const events = async (itemId: string, kind: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from suggestion_events where suggestion_id = ${itemId} and kind = ${kind}`.execute(db().db)).rows[0]!.n

  async function answered() {
    const c = await cast(db())
    const item = await c.submit()
    await c.act(c.sessions.officer, item.id, 'accept', { summary: '热水器' })
    await c.act(c.sessions.officer, item.id, 'reply', { text: '已更换。', channel: 'app' })
    return { ...c, item }
  }

  it('records a verdict once however often it arrives, even after 不满意 reopened the item', async () => {
    const { app, item } = await answered()
    const verdict = { id: uuidv7(), code: item.code, rating: 'unsatisfied', message: '还是没有热水' }
    const first = await postJson(app, '/api/track/rate', verdict)
    expect(first.status).toBe(200)
    expect(first.body.item.status).toBe('accepted')
    const again = await postJson(app, '/api/track/rate', verdict)
    expect(again.status).toBe(200)
    expect(again.body.item).toEqual(first.body.item)
    expect(await events(item.id, 'rate')).toBe(1)
    expect(await events(item.id, 'reopen')).toBe(1)
    // Without an id a second verdict is judged on its own: the item is no longer answered.
    const { id: _, ...bare } = verdict
    expect((await postJson(app, '/api/track/rate', bare)).body.error.code).toBe('rating_not_allowed')
  })

  it('records a message once per device id, and refuses an id already used on another item', async () => {
    const { app, item, submit } = await answered()
    const message = { id: uuidv7(), code: item.code, text: '谢谢，请问什么时候修？' }
    expect((await postJson(app, '/api/track/message', message)).status).toBe(200)
    expect((await postJson(app, '/api/track/message', message)).status).toBe(200)
    expect(await events(item.id, 'message')).toBe(1)
    const other = await submit('另一条意见：班车太挤')
    const reused = await postJson(app, '/api/track/message', { ...message, code: other.code })
    expect([reused.status, reused.body.error.code]).toEqual([409, 'id_conflict'])
    expect(await events(other.id, 'message')).toBe(0)
    const bad = await postJson(app, '/api/track/message', { ...message, id: 'not-a-uuid' })
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_id'])
  })
})
