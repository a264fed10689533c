/**
 * One JSON request, judged strictly: a timeout, a network error, a 5xx, a 429 or a page that is
 * not our JSON (a captive portal's HTML) is a failure to retry later, never a success.
 */
export type Answer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; reason: 'network' | 'timeout' | 'server' | 'not_json' | 'rate_limited'; status?: number; retryAfterMs?: number }

/** The global fetch, called unbound (some browsers refuse \`fetch\` called as a method of another object). */
export const browserFetch: typeof fetch = (...args) => fetch(...args)

export interface RequestEnv {
  fetch: typeof fetch
  baseUrl?: string
  timeoutMs?: number
  lang?: string
}

export async function postJson<T>(env: RequestEnv, path: string, body: unknown, accept: (status: number, body: unknown) => body is T): Promise<Answer<T>> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), env.timeoutMs ?? 20_000)
  try {
    const response = await env.fetch((env.baseUrl ?? '') + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': env.lang ?? 'zh-CN' },
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    })
    // A 503 (the database restarting) and a 429 say when to come back; the backoff honours it.
    const seconds = Number(response.headers.get('retry-after'))
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined
    if (response.status === 429) return { ok: false, reason: 'rate_limited', status: 429, retryAfterMs }
    if (response.status >= 500) return { ok: false, reason: 'server', status: response.status, retryAfterMs }
    if (!(response.headers.get('content-type') ?? '').includes('application/json')) return { ok: false, reason: 'not_json', status: response.status }
    let parsed: unknown
    try {
      parsed = await response.json()
    } catch {
      return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'not_json', status: response.status }
    }
    if (!accept(response.status, parsed)) return { ok: false, reason: 'not_json', status: response.status }
    return { ok: true, status: response.status, body: parsed }
  } catch {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'network' }
  } finally {
    clearTimeout(timer)
  }
}
