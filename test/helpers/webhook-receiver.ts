import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the receiver took. */
export interface Received {
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: any
}

/**
 * A local stand-in for 企业微信's, 钉钉's or anyone's webhook, on loopback: it records every
 * request and answers what `answer` says (200 and `{ errcode: 0 }`, the robots' success, unless told),
 * after `delayMs` if given.
 */
export async function webhookReceiver(options: { delayMs?: number } = {}) {
  const received: Received[] = []
  let answer: (r: Received, n: number) => { status: number; body: unknown } = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } })
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let body: unknown = Buffer.concat(chunks).toString('utf8')
      try {
        body = JSON.parse(body as string)
      } catch {
        // kept as text
      }
      const r = { path: url.pathname, query: url.searchParams, headers: req.headers, body }
      received.push(r)
      const { status, body: out } = answer(r, received.length)
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(out))
      }, options.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    received,
    /** What the receiver answers from now on. */
    answer(fn: typeof answer) {
      answer = fn
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type WebhookReceiver = Awaited<ReturnType<typeof webhookReceiver>>
