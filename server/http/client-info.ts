import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from './env'

/**
 * The client's address, for rate limits only (never stored: the limiter keeps an HMAC of it).
 * Behind `trustProxy` proxies, each appends the address it saw to X-Forwarded-For, so the
 * client's is that many entries from the right; anything to the left of it the client wrote.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.get('network').trustProxy
  if (hops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    const picked = chain.length >= hops ? chain[chain.length - hops] : chain[0]
    if (picked) return addressSubject(picked)
  }
  try {
    return addressSubject(getConnInfo(c).remote.address ?? 'unknown')
  } catch {
    // In-process requests (tests) have no socket.
    return 'unknown'
  }
}

/**
 * One subject per client: the port is dropped, an IPv4 address in IPv6 form is the IPv4 address,
 * and an IPv6 address counts by its /64 (one household or phone gets a whole /64 to rotate in).
 */
export function addressSubject(address: string): string {
  let a = address.trim().toLowerCase()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed) a = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  a = a.replace(/%.*$/, '') // zone id
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a)
  if (mapped) return mapped[1]!
  if (!a.includes(':')) return a
  const groups = expandIpv6(a)
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : a
}

function expandIpv6(a: string): string[] | null {
  const [head, tail, ...rest] = a.split('::')
  if (rest.length) return null
  const left = head ? head.split(':') : []
  const right = tail !== undefined && tail !== '' ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  if (tail === undefined ? left.length !== 8 : missing < 1) return null
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right]
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null
  return groups.map((g) => g.replace(/^0+(?=.)/, ''))
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return c.get('network').trustProxy > 0 && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
}

/** The host the browser addressed. */
export function requestHost(c: Context<AppEnv>): string | undefined {
  const forwarded = c.get('network').trustProxy > 0 ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return forwarded || c.req.header('host') || new URL(c.req.url).host
}
