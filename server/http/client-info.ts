import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from './env'

/** The client's address, for rate limits only (hashed before use, never stored with an item). */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('network').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // In-process requests (tests) have no socket.
    return 'unknown'
  }
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return c.get('network').trustProxy && c.req.header('x-forwarded-proto') === 'https'
}

/** The host the browser addressed. */
export function requestHost(c: Context<AppEnv>): string | undefined {
  const forwarded = c.get('network').trustProxy ? c.req.header('x-forwarded-host') : undefined
  return forwarded ?? c.req.header('host') ?? new URL(c.req.url).host
}
