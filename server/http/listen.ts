import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { errorStatus, type ErrorCode } from '../../shared/errors'
import { errorBody } from './api-error'

interface Fetchable {
  fetch: (request: Request, ...rest: any[]) => Response | Promise<Response>
}

export interface Listening {
  server: Server
  /** Stops accepting, lets requests in flight finish (for at most `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>
}

/** Serves `app` on Node's HTTP server, with JSON answers even where Node refuses a request itself. */
export function listen(app: Fetchable, options: { port: number; hostname: string }, onReady: (port: number) => void): Listening {
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info) => onReady(info.port)) as Server
  server.on('clientError', answerClientError)
  return {
    server,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs)
        // A kept-alive connection whose last request just finished is closed at once, not when it times out.
        const idle = setInterval(() => server.closeIdleConnections(), 50)
        force.unref()
        server.close(() => {
          clearTimeout(force)
          clearInterval(idle)
          resolve()
        })
        server.closeIdleConnections()
      }),
  }
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }

/**
 * Requests Node's parser refuses before the app sees them (a URL or headers over Node's 16 KB,
 * a malformed request line) get the API's error shape too, not a bare status line. The headers
 * were not read, so the language is the default one.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'invalid_request'
  const status = errorStatus(code)
  const body = JSON.stringify(errorBody(code, 'zh-CN'))
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  )
}
