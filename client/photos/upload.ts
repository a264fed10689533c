import { PHOTO_LIMITS, type UploadAnswer } from '../../shared/photos'

export interface UploadTarget {
  /** `/api/track/photos` (the item, key and code in headers) or `/api/admin/items/<itemId>/photos/<sha256>`. */
  path: string
  headers: Record<string, string>
  fetch: typeof fetch
  timeoutMs?: number
}

export type UploadResult =
  | { ok: true; answer: Extract<UploadAnswer, { complete: true }> }
  /** Try again later from where the server stopped (no network, a timeout, a 5xx, a 429). */
  | { ok: false; retry: true; received: number }
  /** Refused for good (not a photo, too large, too many): the code and message say why. */
  | { ok: false; retry: false; code: string; message: string }

/**
 * Sends one photo in chunks, starting where the server stopped: it asks first (a `*` range), then
 * sends `chunkBytes` at a time, each answer saying how much the server holds. A link that drops
 * mid-photo costs the chunk in flight, not the photo.
 */
export async function uploadPhoto(target: UploadTarget, blob: Blob, chunkBytes: number = PHOTO_LIMITS.chunkBytes): Promise<UploadResult> {
  const total = blob.size
  let received = 0
  let answer = await put(target, `bytes */${total}`, null)
  for (;;) {
    if (!answer.ok) return answer.retry ? { ok: false, retry: true, received } : answer
    if (answer.body.complete) return { ok: true, answer: answer.body }
    received = answer.body.received
    const end = Math.min(total, received + chunkBytes)
    answer = await put(target, `bytes ${received}-${end - 1}/${total}`, blob.slice(received, end))
  }
}

type PutAnswer = { ok: true; body: UploadAnswer } | { ok: false; retry: true } | { ok: false; retry: false; code: string; message: string }

async function put(target: UploadTarget, range: string, body: Blob | null): Promise<PutAnswer> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), target.timeoutMs ?? 30_000)
  try {
    const res = await target.fetch(target.path, {
      method: 'PUT',
      headers: { ...target.headers, 'content-range': range, 'content-type': 'application/octet-stream' },
      body,
      signal: controller.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    })
    if (res.status >= 500 || res.status === 429 || !(res.headers.get('content-type') ?? '').includes('application/json')) return { ok: false, retry: true }
    const json = (await res.json()) as UploadAnswer | { error: { code: string; message: string } }
    if (res.ok && 'received' in json) return { ok: true, body: json }
    const error = 'error' in json ? json.error : { code: 'invalid_request', message: '' }
    return { ok: false, retry: false, code: error.code, message: error.message }
  } catch {
    return { ok: false, retry: true }
  } finally {
    clearTimeout(timer)
  }
}
