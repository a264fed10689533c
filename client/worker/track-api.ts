import type { TrackResponse, TrackedItem } from '../../shared/api'
import type { Rating } from '../../shared/ratings'
import { getLang } from '../i18n/lang'
import { browserFetch, postJson } from '../sync/request'

const env = () => ({ fetch: browserFetch, lang: getLang() })

export type LookupResult = { kind: 'found'; item: TrackedItem } | { kind: 'not_found' } | { kind: 'invalid' } | { kind: 'offline' }

export async function lookUp(code: string): Promise<LookupResult> {
  const answer = await postJson(env(), '/api/track', { codes: [code] }, (status, body): body is TrackResponse => status === 200 && Array.isArray((body as TrackResponse | null)?.results))
  if (!answer.ok) return { kind: 'offline' }
  const result = answer.body.results[0]
  if (!result) return { kind: 'offline' }
  if (result.found) return { kind: 'found', item: result.item }
  return { kind: result.reason }
}

export type ActionResult = { ok: true; item: TrackedItem } | { ok: false; message: string | null }

/** The worker's verdict or message; both need the network (they are answers, not new items). */
export async function sendVerdict(path: '/api/track/rate' | '/api/track/message', body: { code: string; rating?: Rating; message?: string; text?: string }): Promise<ActionResult> {
  const answer = await postJson(env(), path, body, (status, json): json is { item?: TrackedItem; error?: { message: string } } => status < 500 && typeof json === 'object' && json !== null)
  if (!answer.ok) return { ok: false, message: null }
  if (answer.body.item) return { ok: true, item: answer.body.item }
  return { ok: false, message: answer.body.error?.message ?? null }
}
