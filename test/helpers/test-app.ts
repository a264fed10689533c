import { createApp } from '../../server/app'
import type { TestDb } from './test-db'

/** The real server app on a test database, called in process with `app.request`. */
export function testApp(db: TestDb) {
  return createApp({ db: db.db, dialect: db.dialect, version: 'test' })
}

/** POSTs JSON in process and returns status and parsed body. */
export async function postJson(
  app: ReturnType<typeof testApp>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // left as text: a test asserting JSON will say so
  }
  return { status: res.status, body: parsed, headers: res.headers }
}
