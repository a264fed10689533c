import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { LEDGER_COLUMNS } from '../../../server/domain/items/ledger'
import { chinaDateTime } from '../../../shared/time'
import { postJson } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, dayFromToday, type Cast } from './fixtures'

const HEADER_ZH = LEDGER_COLUMNS.map((c) => c.zh)
const csvLines = (text: string) => text.split('\r\n')

/** An item through its whole chain: dispatched to two units (one reported completed, one partly), replied, rated, closed. */
async function fullChain({ app, ids, sessions, units, submit, act }: Cast) {
  const item = await submit('宿舍热水器坏了一个星期，洗澡只能用凉水')
  await act(sessions.officer, item.id, 'accept', { category: 'livelihood', summary: '宿舍热水器损坏', proposal: true })
  const one = await act(sessions.officer, item.id, 'dispatch', { unitId: units.cs1, leaderId: ids.leader.id, responsibleId: ids.handler1.id, deadline: dayFromToday(7) })
  await act(sessions.officer, item.id, 'dispatch', { unitId: units.cs2, leaderId: ids.leader.id, responsibleId: ids.handler2.id, deadline: dayFromToday(3) })
  const two = (await sessions.officer.get(`/api/admin/items/${item.id}`)).body.assignments
  await act(sessions.handler1, item.id, 'report', { assignmentId: one.body.assignments[0].id, outcome: 'completed', text: '已更换热水器' })
  await act(sessions.handler2, item.id, 'report', { assignmentId: two[1].id, outcome: 'partial', text: '配件未到，先修好一台' })
  await act(sessions.officer, item.id, 'reply', { text: '热水器已更换，谢谢反映。', channel: 'phone' })
  expect((await postJson(app, '/api/track/rate', { code: item.code, rating: 'basically', message: '希望早点修' })).status).toBe(200)
  await act(sessions.officer, item.id, 'close')
  return (await sessions.officer.get(`/api/admin/items/${item.id}`)).body
}

describeEachDialect('the ledger (台账): GET /api/admin/items/export.xlsx and export.csv', ({ db }) => {
  it('writes the whole handling chain, one row per dispatch, in an XLSX with Chinese headers, real dates, widths, a frozen header and filters', async () => {
    const c = await cast(db())
    const detail = await fullChain(c)
    await c.submit('食堂饭菜太咸', { anonymous: false, submitter: { name: '孙七', phone: '13912345678' } })
    const res = await c.app.request('/api/admin/items/export.xlsx', { headers: { cookie: c.sessions.officer.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="yijian-ledger-\d{4}-\d{2}-\d{2}\.xlsx"$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('台账')!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER_ZH)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    expect(sheet.getColumn(7).width).toBe(50)
    // Newest first: the named item (one row, no dispatch), then the full chain's two rows.
    expect(sheet.rowCount).toBe(4)
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    const named = values(2)
    expect(named[0]).toMatch(/^YJ-\d{4}-\d{4}$/)
    expect(named.slice(2, 8)).toEqual(['第一中心站生活点文化墙', '第一中心站', '民生事宜', undefined, '食堂饭菜太咸', '已提交'])
    expect(JSON.stringify([values(2), values(3), values(4)])).not.toMatch(/孙七|13912345678/)
    const [first, second] = [values(3), values(4)]
    for (const row of [first, second]) {
      expect(row[0]).toBe(detail.number)
      expect(row.slice(2, 9)).toEqual(['第一中心站生活点文化墙', '第一中心站', '民生事宜', '宿舍热水器损坏', '宿舍热水器坏了一个星期，洗澡只能用凉水', '已办结', '是'])
      expect(row.slice(16)).toEqual(['电话', expect.any(Date), '热水器已更换，谢谢反映。', expect.any(Date), '基本满意', '希望早点修', 0])
    }
    expect(first.slice(9, 16)).toEqual(['第一中心站', '李主任', '一站站长', expect.any(Date), expect.any(Date), '已完成', '已更换热水器'])
    expect(second.slice(9, 16)).toEqual(['第二中心站', '李主任', '二站站长', expect.any(Date), expect.any(Date), '部分完成', '配件未到，先修好一台'])
    // Dates are dates, as China's wall clock: the received time and the deadline day.
    const received = first[1] as Date
    expect(received.toISOString().slice(0, 16).replace('T', ' ')).toBe(chinaDateTime(detail.receivedAt))
    expect((first[12] as Date).toISOString().slice(0, 10)).toBe(dayFromToday(7))
    expect(sheet.getCell('B3').numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(sheet.getCell('M3').numFmt).toBe('yyyy-mm-dd')
  })

  it('writes the same rows as CSV for WPS and Excel: BOM, quoted fields, CRLF, formulas defused, no identity', async () => {
    const c = await cast(db())
    await fullChain(c)
    await c.submit('=HYPERLINK("http://evil","点我") 食堂"饭菜"太咸', { anonymous: false, submitter: { name: '孙七' } })
    await c.submit('宿舍热水器坏了\n第二行')
    const res = await c.sessions.officer.get('/api/admin/items/export.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="yijian-ledger-\d{4}-\d{2}-\d{2}\.csv"$/)
    const bytes = new Uint8Array(await (await c.app.request('/api/admin/items/export.csv', { headers: { cookie: c.sessions.officer.cookie } })).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text: string = res.body
    const lines = csvLines(text)
    expect(lines[0]).toBe(HEADER_ZH.map((h) => `"${h}"`).join(','))
    expect(lines).toHaveLength(6) // header, two single rows, the two dispatches of one item, the final empty line
    expect(text).toContain('"宿舍热水器坏了\n第二行"')
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""点我"") 食堂""饭菜""太咸"`)
    expect(text).toContain(`"第二中心站","李主任","二站站长","${dayFromToday(3)}"`)
    expect(text).toContain('"部分完成","配件未到，先修好一台","电话"')
    expect(text).not.toContain('孙七')
    // A download link carries the reviewer's chosen language in the query.
    const english = await c.sessions.officer.get('/api/admin/items/export.csv?lang=en&proposal=1')
    expect(csvLines(english.body)[0]).toMatch(/^"Number","Received","QR location","Unit","Category"/)
    expect(csvLines(english.body)).toHaveLength(4)
    expect(english.body).toContain('"Partly done"')
  })

  it('applies the inbox filters and the reviewer\'s scope, and refuses before writing a file', async () => {
    const { sessions, submit, act, units } = await cast(db())
    const a = await submit('第一条：合理化建议内容')
    await submit('第二条：普通意见内容')
    await act(sessions.officer, a.id, 'classify', { proposal: true })
    expect(csvLines((await sessions.officer.get('/api/admin/items/export.csv?proposal=1')).body)).toHaveLength(3)
    expect(csvLines((await sessions.officer2.get('/api/admin/items/export.csv')).body)).toHaveLength(2)
    expect((await sessions.admin.get('/api/admin/items/export.xlsx')).status).toBe(403)
    // A unit outside the reviewer's scope is a 4xx with the error shape, not a half-written file.
    const refused = await sessions.officer2.get(`/api/admin/items/export.xlsx?unitId=${units.cs1}`)
    expect([refused.status, refused.body.error.code]).toEqual([422, 'unit_not_found'])
    expect((await sessions.officer.get('/api/admin/items/export.xlsx?from=2026-02-30')).status).toBe(400)
  })

  it('reads the items in batches by keyset: 1,203 items make 1,203 rows, each once, newest first', async () => {
    const { sessions, submit } = await cast(db())
    const first = await submit('最早的一条意见')
    // Inserted in bulk with spread-out times, so the export crosses batch edges and ties.
    const rows = await db().db.selectFrom('suggestions').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow()
    const base = new Date('2026-03-01T00:00:00Z').getTime()
    const more = Array.from({ length: 1202 }, (_, i) => ({
      ...rows,
      id: `0190a4b2-${String(i).padStart(4, '0')}-7000-8000-000000000000`,
      follow_up_hash: `h${i}`,
      serial_year: 2026,
      serial_seq: 1000 + i,
      received_at: new Date(base + Math.floor(i / 3) * 60_000),
      content: `批量意见 ${i}`,
    }))
    for (let i = 0; i < more.length; i += 300) await db().db.insertInto('suggestions').values(more.slice(i, i + 300)).execute()
    const lines = csvLines((await sessions.officer.get('/api/admin/items/export.csv')).body).slice(1, -1)
    expect(lines).toHaveLength(1203)
    const contents = lines.map((l) => /"(最早的一条意见|批量意见 \d+)"/.exec(l)?.[1])
    expect(new Set(contents).size).toBe(1203)
    expect(contents[0]).toBe('最早的一条意见')
  })
})
