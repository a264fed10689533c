import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { Trend } from '../../../client/admin/dashboard/Trend'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/<!-- -->/g, '')

describe('Trend', () => {
  it('gives a rate’s change in percentage points, coloured, and a count’s as a number, uncoloured', () => {
    const up = renderToString(<Trend now={0.75} before={0.5} points />)
    expect(text(up)).toBe('▲ +25 个百分点')
    expect(up).toContain('dash-up')
    const down = renderToString(<Trend now={3} before={5} />)
    expect(text(down)).toBe('▼ -2')
    expect(down).not.toMatch(/dash-(up|down)/)
  })

  it('says nothing when either period has nothing to count, and ＝ when unchanged', () => {
    expect(renderToString(<Trend now={null} before={0.5} points />)).toBe('')
    expect(text(renderToString(<Trend now={0.5} before={0.5} points />))).toBe('＝')
  })
})
