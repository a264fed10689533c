import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { MoreLines } from '../../../client/admin/report/ReportLists'

describe('MoreLines, under a list of the 月报', () => {
  it('says how many lines there are in all when the list was cut, and nothing otherwise', () => {
    expect(renderToString(<MoreLines shown={500} total={136671} />)).toContain('共 136671 条，以上列出前 500 条')
    expect(renderToString(<MoreLines shown={3} total={3} />)).toBe('')
    expect(renderToString(<MoreLines shown={0} total={0} />)).toBe('')
  })
})
