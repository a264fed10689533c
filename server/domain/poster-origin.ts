import { ApiError } from '../http/api-error'

/**
 * The origin a printed QR code carries. The configured `PUBLIC_ORIGIN` always wins: the union
 * chose it (a plant intranet at http://10.x is a deliberate choice, and it is the only way to
 * print from a laptop on localhost). Without it, the address the admin browses from is used only
 * when a phone elsewhere could reach it: a loopback, private or link-local address, or a name
 * only this network resolves, is refused with `public_origin_required` rather than printed.
 */
export function posterOrigin(publicOrigin: string | null, requestOrigin: string): string {
  if (publicOrigin) return publicOrigin
  let url: URL
  try {
    url = new URL(requestOrigin)
  } catch {
    throw new ApiError('public_origin_required')
  }
  if (!isPublicHostname(url.hostname)) throw new ApiError('public_origin_required')
  return url.origin
}

/**
 * Whether a phone on the internet could reach `hostname` (as `URL` normalises it: IPv4 in
 * dotted decimal, IPv6 in brackets). Names without a dot resolve only on the local network.
 */
export function isPublicHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host.startsWith('[')) return isPublicIpv6(host.slice(1, -1))
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return isPublicIpv4(host.split('.').map(Number))
  if (!host.includes('.')) return false // localhost, intranet short names
  return !/\.(localhost|local|internal|lan|home\.arpa)$/.test(host)
}

function isPublicIpv4([a = 0, b = 0]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127) return false // this network, 10/8, loopback
  if (a === 169 && b === 254) return false // link-local
  if (a === 172 && b >= 16 && b <= 31) return false
  if (a === 192 && b === 168) return false
  if (a === 100 && b >= 64 && b <= 127) return false // carrier-grade NAT, shared address space
  return a < 224 // multicast and reserved
}

function isPublicIpv6(address: string): boolean {
  const groups = expand(address)
  if (!groups) return false
  if (groups.slice(0, 7).every((g) => g === 0)) return false // :: and ::1
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return isPublicIpv4([groups[6]! >> 8, groups[6]! & 0xff]) // IPv4-mapped
  }
  const first = groups[0]!
  if ((first & 0xfe00) === 0xfc00) return false // unique local, fc00::/7
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return false // link-local, old site-local
  return (first & 0xff00) !== 0xff00 // multicast
}

/** The eight groups of an IPv6 address as `URL` writes it (hex groups, one `::` at most). */
function expand(address: string): number[] | null {
  const [head = '', tail, ...rest] = address.split('::')
  if (rest.length) return null
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const fill = tail === undefined ? 0 : 8 - left.length - right.length
  const all = [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right]
  if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null
  return all.map((g) => parseInt(g, 16))
}
