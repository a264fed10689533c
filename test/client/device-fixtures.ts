import 'fake-indexeddb/auto'
import type { SubmitItemInput } from '../../shared/validation'
import { LocalDb } from '../../client/local-db/db'
import { enqueue } from '../../client/local-db/outbox'
import type { testApp } from '../helpers/test-app'
import { workerItem } from '../helpers/worker-item'

let dbCount = 0

/** A device's database: a fresh name per test; `again()` opens the same one, as a reload or a second tab does. */
export function newDevice() {
  const name = `device-${process.pid}-${++dbCount}`
  const db = new LocalDb(name)
  return { db, name, again: () => new LocalDb(name) }
}

export { workerItem }

export async function queueItems(db: LocalDb, n: number, extra: Partial<SubmitItemInput> = {}): Promise<SubmitItemInput[]> {
  const items: SubmitItemInput[] = []
  for (let i = 0; i < n; i++) {
    const item = workerItem(`第${i + 1}条意见：井场道路需要修整`, extra)
    await enqueue(db, item, '第一中心站生活点文化墙')
    items.push(item)
  }
  return items
}

type App = ReturnType<typeof testApp>

/** The network between the device and the real app, with faults a test can switch on. */
export function network(app: App) {
  const log: Array<{ path: string; items?: number }> = []
  let fault: null | 'offline' | 'drop-response' | 'server-500' | 'captive-portal' | 'hang' = null
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    log.push({ path, items: body?.items?.length })
    switch (fault) {
      case 'offline':
        throw new TypeError('Failed to fetch')
      case 'server-500':
        return new Response('<h1>502 Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } })
      case 'captive-portal':
        return new Response('<html>请先登录 Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } })
      case 'hang':
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
      case 'drop-response': {
        // The server commits, then the answer is lost on the way back.
        await app.request(path, init)
        throw new TypeError('network connection was lost')
      }
      default:
        return app.request(path, init)
    }
  }) as typeof fetch
  return {
    fetch: fetchFn,
    log,
    submits: () => log.filter((l) => l.path === '/api/suggestions'),
    set fault(value: typeof fault) {
      fault = value
    },
  }
}
