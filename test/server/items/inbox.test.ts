import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, dayFromToday } from './fixtures'

describeEachDialect('the inbox: filters, Chinese search, pages, rates', ({ db }) => {
  it('finds Chinese substrings of one, two and more characters, and nothing else', async () => {
    const { sessions, submit } = await cast(db())
    const a = await submit('食堂的饭菜太咸了')
    const b = await submit('宿舍空调坏了，晚上很热')
    const c = await submit('希望食堂早餐增加豆浆 Soy Milk')
    const search = async (q: string) =>
      ((await sessions.officer.get(`/api/admin/items?q=${encodeURIComponent(q)}`)).body.items as any[]).map((i) => i.id).sort()
    expect(await search('食堂')).toEqual([a.id, c.id].sort())
    expect(await search('咸')).toEqual([a.id])
    expect(await search('空调坏了')).toEqual([b.id])
    expect(await search('soy milk')).toEqual([c.id])
    expect(await search('食堂空调')).toEqual([])
    expect(await search('堂饭')).toEqual([])
    expect(await search('%')).toEqual([])
  })

  it('pages newest first with a cursor: every item once, in order', async () => {
    const { sessions, submit } = await cast(db())
    const made: string[] = []
    for (let i = 0; i < 7; i++) made.push((await submit(`第${i}条意见的内容`)).id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: any = await sessions.officer.get(`/api/admin/items?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.items.map((i: any) => i.id))
      cursor = res.body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual([...made].reverse())
  })

  it('pages items received at the same instant by id, every one once', async () => {
    const { sessions, submit } = await cast(db())
    const made: string[] = []
    for (let i = 0; i < 7; i++) made.push((await submit(`同一时刻的第${i}条意见`)).id)
    await db().db.updateTable('suggestions').set({ received_at: new Date('2026-03-01T08:00:00+08:00') } as never).execute()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: any = await sessions.officer.get(`/api/admin/items?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...res.body.items.map((i: any) => i.id))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toEqual([...made].sort().reverse())
  })

  it('filters by status, category, entry point, unit and dates', async () => {
    const { sessions, units, submit, act } = await cast(db())
    const a = await submit('基地食堂的意见内容', { entryPoint: 'base-canteen', category: 'livelihood' })
    const b = await submit('二站的意见内容', { entryPoint: 'cs2', category: 'pay' })
    await act(sessions.officer, b.id, 'accept')
    const ids = async (query: string) => ((await sessions.officer.get(`/api/admin/items?${query}`)).body.items as any[]).map((i) => i.id)
    expect(await ids('status=accepted')).toEqual([b.id])
    expect(await ids('status=submitted,accepted')).toEqual([b.id, a.id])
    expect(await ids('category=livelihood')).toEqual([a.id])
    expect(await ids('entryPoint=cs2')).toEqual([b.id])
    expect(await ids(`unitId=${units.cs2}`)).toEqual([b.id])
    expect(await ids(`from=${dayFromToday(0)}&to=${dayFromToday(0)}`)).toEqual([b.id, a.id])
    expect(await ids(`to=${dayFromToday(-1)}`)).toEqual([])
  })

  it('refuses malformed filters with a 400', async () => {
    const { sessions } = await cast(db())
    for (const query of ['status=lost', 'limit=1000', 'limit=abc', 'from=yesterday', 'cursor=bm9wZQ', 'overdue=yes', 'colour=red', `q=${'字'.repeat(60)}`]) {
      const res = await sessions.officer.get(`/api/admin/items?${query}`)
      expect([query, res.status]).toEqual([query, 400])
      expect(res.body.error.code).toMatch(/^(invalid_query|invalid_cursor|invalid_date)$/)
    }
  })

  it('reports the reply and implementation rates over the reviewer\'s scope', async () => {
    const { ids, sessions, units, submit, act } = await cast(db())
    const done = await submit('第一条意见内容')
    const open = await submit('第二条意见内容')
    const dup = await submit('第三条意见内容')
    await act(sessions.officer, dup.id, 'merge', { into: open.id })
    await act(sessions.officer, done.id, 'accept', { proposal: true })
    await act(sessions.officer, done.id, 'dispatch', { unitId: units.cs1, leaderId: ids.leader.id, responsibleId: ids.handler1.id, deadline: dayFromToday(2) })
    const a = (await sessions.officer.get(`/api/admin/items/${done.id}`)).body.assignments[0]
    await act(sessions.handler1, done.id, 'report', { assignmentId: a.id, outcome: 'completed', text: '已办' })
    await act(sessions.officer, done.id, 'reply', { text: '已办结', channel: 'app' })
    const stats = (await sessions.officer.get('/api/admin/items/stats')).body
    expect(stats).toMatchObject({ received: 3, replyRate: 0.5, implementationRate: 1, overdue: 0, proposals: 1 })
    expect(stats.byStatus).toMatchObject({ replied: 1, submitted: 1, merged: 1 })
    // The second central station's officer sees none of it.
    expect((await sessions.officer2.get('/api/admin/items/stats')).body).toMatchObject({ received: 0, replyRate: null })
  })
})
