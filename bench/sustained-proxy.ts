/**
 * A small round-robin HTTP proxy for `bench/sustained.ts`, in front of the app processes.
 * It appends the address it saw to X-Forwarded-For, as nginx's `$proxy_add_x_forwarded_for`
 * does, so the apps run with TRUST_PROXY=1 and take the last entry; it keeps the Host header,
 * which the login's same-origin check compares with Origin; and it names the process that
 * answered in `x-served-by`.
 */
import { Agent, createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Backend {
  name: string
  port: number
}

export interface Proxy {
  port: number
  /** Requests sent to each backend, by name. */
  sent: Map<string, number>
  /** Requests the proxy answered 502 itself (a backend refused or dropped the connection). */
  failures: number
  close(): Promise<void>
}

export const SERVED_BY = 'x-served-by'

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'])

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {}
  for (const [k, v] of Object.entries(headers)) if (!HOP.has(k)) out[k] = v
  return out
}

export async function startProxy(backends: Backend[]): Promise<Proxy> {
  // Idle pooled sockets are dropped after 4 s, before the app's 5 s keep-alive timeout closes them
  // under a request that was just written (an ECONNRESET that would be the proxy's fault).
  const agents = backends.map(() => new Agent({ keepAlive: true, timeout: 4000 }))
  const sent = new Map(backends.map((b) => [b.name, 0]))
  let next = 0
  const proxy: Proxy = { port: 0, sent, failures: 0, close: async () => {} }

  const server = createServer((req, res) => {
    const i = next++ % backends.length
    const backend = backends[i]!
    sent.set(backend.name, sent.get(backend.name)! + 1)
    const headers = forwardable(req.headers)
    const seen = req.socket.remoteAddress ?? 'unknown'
    const prior = req.headers['x-forwarded-for']
    headers['x-forwarded-for'] = prior ? `${String(prior)}, ${seen}` : seen
    headers['x-forwarded-proto'] = 'http'
    const upstream = request(
      { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers, agent: agents[i] },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...forwardable(answer.headers), [SERVED_BY]: backend.name })
        answer.pipe(res)
      },
    )
    upstream.on('error', (err) => {
      proxy.failures++
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', [SERVED_BY]: backend.name })
      res.end(`proxy: ${backend.name}: ${err.message}`)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.port = (server.address() as AddressInfo).port
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
      for (const a of agents) a.destroy()
    })
  return proxy
}
