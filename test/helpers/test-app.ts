import { createApp } from '../../server/app'
import { TEST_COST } from './admin'
import type { TestDb } from './test-db'

/**
 * The real server app on a test database, called in process with `app.request`. Passwords it
 * hashes cost scrypt's least (the app's default, the full cost, is checked by setup.test.ts).
 */
export function testApp(db: TestDb) {
  return createApp({ db: db.db, dialect: db.dialect, version: 'test', passwordCost: TEST_COST })
}

export interface Reply {
  status: number
  body: any
  headers: Headers
}

/** One request in process; the body is parsed when it is JSON and left as text otherwise. */
export async function send(
  app: ReturnType<typeof testApp>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  const res = await app.request(path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: left as text, and a test expecting JSON will say so
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

/** POSTs JSON (an object, or a raw string) in process. */
export function postJson(app: ReturnType<typeof testApp>, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(app, 'POST', path, headers, body)
}
