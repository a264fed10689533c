import { Hono } from 'hono'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { listen, type Listening } from '../../../server/http/listen'

/** One raw HTTP exchange, so that what Node itself answers can be read as it is. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (b) => (answer += b.toString('utf8')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
    socket.write(request)
  })
}

describe('the HTTP server around the app', () => {
  let running: Listening | undefined
  afterEach(async () => {
    await running?.close(100)
    running = undefined
  })

  async function start(app: Hono): Promise<number> {
    let port = 0
    await new Promise<void>((resolve) => {
      running = listen(app, { port: 0, hostname: '127.0.0.1' }, (p) => {
        port = p
        resolve()
      })
    })
    return port
  }

  it('answers a URL or headers past Node\'s limit with the API\'s JSON error, not a bare status line', async () => {
    const port = await start(new Hono().get('*', (c) => c.text('ok')))
    const answer = await raw(port, `GET /api/entry-points/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`)
    const [head, body] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 431 /)
    expect(head).toMatch(/content-type: application\/json/i)
    expect(JSON.parse(body!)).toEqual({ error: { code: 'headers_too_large', message: '请求的网址或请求头太长。' } })
    const garbled = await raw(port, 'NOT HTTP AT ALL\r\n\r\n')
    expect(garbled).toMatch(/^HTTP\/1\.1 400 /)
    expect(JSON.parse(garbled.split('\r\n\r\n')[1]!).error.code).toBe('invalid_request')
  })

  it('on close, refuses new connections but finishes the requests in flight', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let arrived!: () => void
    const inFlight = new Promise<void>((resolve) => (arrived = resolve))
    const port = await start(
      new Hono().get('/slow', async (c) => {
        arrived()
        await held
        return c.json({ done: true })
      }),
    )
    const slow = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json())
    await inFlight
    const closed = running!.close(10_000)
    const refused = await fetch(`http://127.0.0.1:${port}/slow`).then(
      () => 'answered',
      () => 'refused',
    )
    expect(refused).toBe('refused')
    let done = false
    void closed.then(() => (done = true))
    await new Promise((r) => setTimeout(r, 50))
    expect(done).toBe(false)
    release()
    expect(await slow).toEqual({ done: true })
    await closed
    running = undefined
  })
})
