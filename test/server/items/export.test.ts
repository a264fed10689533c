import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { cast } from './fixtures'

describeEachDialect('GET /api/admin/items/export.csv', ({ db }) => {
  it('exports for Excel and WPS: BOM, quoted fields, CRLF, formulas defused, no identity', async () => {
    const { app, sessions, submit, act } = await cast(db())
    const a = await submit('=HYPERLINK("http://evil","点我") 食堂"饭菜"太咸', { anonymous: false, submitter: { name: '孙七' } })
    await submit('宿舍热水器坏了\n第二行')
    await act(sessions.officer, a.id, 'accept', { summary: '食堂口味', proposal: true })
    const res = await sessions.officer.get('/api/admin/items/export.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="yijian-\d{4}-\d{2}-\d{2}\.csv"$/)
    const bytes = new Uint8Array(await (await app.request('/api/admin/items/export.csv', { headers: { cookie: sessions.officer.cookie } })).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text: string = res.body
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('"编号","收到时间","状态","类别","摘要","内容","二维码地点","所属单位","合理化建议","超期","完成时限","评价"')
    expect(lines).toHaveLength(4) // header, two rows, and the final empty line
    expect(text).toContain('"宿舍热水器坏了\n第二行"')
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""点我"") 食堂""饭菜""太咸"`)
    expect(text).toContain('"已受理","民生事宜","食堂口味"')
    expect(text).not.toContain('孙七')

    // A download link carries the reviewer's chosen language in the query.
    const english = await sessions.officer.get('/api/admin/items/export.csv?lang=en&proposal=1')
    expect(english.body.split('\r\n')[0]).toMatch(/^"Number","Received","Status","Category"/)
    expect(english.body.split('\r\n')).toHaveLength(3)
  })

  it('applies the inbox filters and the reviewer\'s scope', async () => {
    const { sessions, submit, act } = await cast(db())
    const a = await submit('第一条：合理化建议内容')
    await submit('第二条：普通意见内容')
    await act(sessions.officer, a.id, 'classify', { proposal: true })
    const only = await sessions.officer.get('/api/admin/items/export.csv?proposal=1')
    expect(only.body.split('\r\n')).toHaveLength(3)
    const none = await sessions.officer2.get('/api/admin/items/export.csv')
    expect(none.body.split('\r\n')).toHaveLength(2)
    expect((await sessions.admin.get('/api/admin/items/export.csv')).status).toBe(403)
  })
})
