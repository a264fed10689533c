import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../server/app'
import { logLine, throttledLog } from '../../../server/http/log'

describe('the request log', () => {
  afterEach(() => vi.restoreAllMocks())

  it('writes control characters in a path as escapes, so a path cannot forge a line', async () => {
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
    // Neither path reaches the database: both are refused before any query.
    const app = createApp({ db: {} as never, dialect: 'pglite', logRequests: true })
    await app.request('/api/entry-points/x%0AGET%20/api/admin/users%20200%201ms')
    await app.request('/api/x%0D%00%E2%80%A8y')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^GET \/api\/entry-points\/x\\x0aGET \/api\/admin\/users 200 1ms 404 \d+ms$/)
    expect(lines[1]).toMatch(/^GET \/api\/x\\x0d\\x00\\x2028y 404 \d+ms$/)
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u2028]/)
  })

  it('cuts a long path', () => {
    expect(logLine('GET', `/${'a'.repeat(1000)}`, 404, 1).length).toBeLessThan(320)
  })

  it('writes a repeated failure once per interval, saying how many it held back', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    try {
      const written: string[] = []
      const log = throttledLog(60_000, (line) => written.push(line))
      for (let i = 0; i < 5; i++) log(`fail ${i}`)
      vi.setSystemTime(1_060_000)
      log('fail 5')
      expect(written).toEqual(['fail 0', 'fail 5 (and 4 more like it)'])
    } finally {
      vi.useRealTimers()
    }
  })
})
