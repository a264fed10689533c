import type { Me } from '../../shared/admin-api'
import { errorMessage, isErrorCode } from '../../shared/errors'
import { getLang } from '../i18n/lang'

/** A refusal from the API, or a network failure, with the text to show. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From Retry-After: when a held-back action (a paused login) may be tried again. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message)
  }
}

// The session itself is an HttpOnly cookie; the CSRF token rides along in memory only.
let csrfToken = ''
let onUnauthenticated: () => void = () => {}

export function setSession(me: Me | null): void {
  csrfToken = me?.csrfToken ?? ''
}

/** Called on any 401 so the app can fall back to the login screen. */
export function onSessionLost(handler: () => void): void {
  onUnauthenticated = handler
}

function acceptLanguage(): string {
  return getLang() === 'en' ? 'en' : 'zh-CN,zh;q=0.9'
}

/** The headers of a write sent outside `api` (a photo's chunks): the CSRF token, and the language its errors come in. */
export function writeHeaders(): Record<string, string> {
  return { 'Accept-Language': acceptLanguage(), 'X-CSRF-Token': csrfToken }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage() }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiFailure(0, 'network', getLang() === 'en' ? 'Cannot reach the server. Check the network.' : '无法连接服务器，请检查网络。')
  }
  if (res.status === 204) return undefined as T
  const data: unknown = await res.json().catch(() => null)
  if (res.ok) return data as T
  const err = (data as { error?: { code?: string; message?: string } } | null)?.error
  const code = err?.code ?? 'internal_error'
  const message = err?.message ?? errorMessage(isErrorCode(code) ? code : 'internal_error', getLang())
  // A failed login is also a 401, but it must show its own message, not reset the app.
  if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated()
  const wait = Number(res.headers.get('retry-after'))
  throw new ApiFailure(res.status, code, message, res.status === 429 && wait > 0 ? wait : null)
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
}

/** The message to show for anything thrown by `api`; a held-back action also says when to try again. */
export function failureText(err: unknown, now = Date.now()): string {
  if (!(err instanceof ApiFailure)) return errorMessage('internal_error', getLang())
  return err.retryAfterS ? `${err.message}${waitText(err.retryAfterS, now)}` : err.message
}

function waitText(seconds: number, now: number): string {
  const at = new Date(now + seconds * 1000).toLocaleTimeString(getLang() === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' })
  const minutes = Math.ceil(seconds / 60)
  return getLang() === 'en' ? ` Try again in ${minutes} min (after ${at}).` : `请在 ${minutes} 分钟后（${at} 以后）再试。`
}

/** `?a=1&b=2` from the set values only. */
export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}
