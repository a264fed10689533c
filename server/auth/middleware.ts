import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Role } from '../../shared/roles'
import { ApiError } from '../http/api-error'
import { requestHost } from '../http/client-info'
import type { AppEnv } from '../http/env'
import { sessionUser } from './sessions'

export const SESSION_COOKIE = 'yj_session'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A write must come from our own pages: its Origin (or, failing that, Sec-Fetch-Site) says so.
 * A request with neither is refused, since every browser sends one of them on a POST.
 */
export function checkOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header('origin')
  if (origin) {
    const { publicOrigin } = c.get('network')
    let host: string
    try {
      host = new URL(origin).host
    } catch {
      throw new ApiError('csrf_failed')
    }
    const ok = publicOrigin ? origin === publicOrigin : host === requestHost(c)
    if (!ok) throw new ApiError('csrf_failed')
    return
  }
  if (c.req.header('sec-fetch-site') !== 'same-origin') throw new ApiError('csrf_failed')
}

/** `checkOrigin` before anything else runs, for the writes that come before a session (login, setup). */
export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  checkOrigin(c)
  await next()
}

/**
 * Reviewer routes: a live session (401 without), and for writes the same origin and the
 * session's CSRF token in `X-CSRF-Token` (403 without).
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const user = token ? await sessionUser(c.get('db'), token) : null
  if (!user) throw new ApiError('unauthenticated')
  if (!SAFE_METHODS.has(c.req.method)) {
    checkOrigin(c)
    if (c.req.header('x-csrf-token') !== user.csrfToken) throw new ApiError('csrf_failed')
  }
  c.set('user', user)
  await next()
}

/** 403 unless the session's role is one of `roles`. Use after `requireSession`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw new ApiError('forbidden')
    await next()
  }
}
