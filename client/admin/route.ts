import { useEffect, useState } from 'preact/hooks'

/** The admin screens, addressed by `location.hash` so the server's SPA fallback needs nothing more. */
export type Route =
  | { name: 'inbox'; query: string }
  /** `report`: the dispatch a task card's one tap came to report on (its form opens at once). */
  | { name: 'item'; id: string; report?: string }
  | { name: 'slip'; id: string; assignmentId: string }
  | { name: 'tasks' }
  | { name: 'users' }
  | { name: 'units' }
  | { name: 'entry-points' }
  | { name: 'posters'; query: string }
  | { name: 'report'; query: string }
  | { name: 'categories' }
  | { name: 'notify' }
  | { name: 'templates' }
  | { name: 'password' }
  | { name: 'dashboard'; query: string }
  | { name: 'home' }

const SIMPLE = ['tasks', 'users', 'units', 'entry-points', 'categories', 'notify', 'templates', 'password'] as const

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const parts = path.split('/').filter(Boolean)
  if (parts[0] === 'items' && parts[1] && parts[2] === 'slip' && parts[3]) return { name: 'slip', id: decodeURIComponent(parts[1]), assignmentId: decodeURIComponent(parts[3]) }
  if (parts[0] === 'items' && parts[1]) return { name: 'item', id: decodeURIComponent(parts[1]), report: new URLSearchParams(query).get('report') ?? undefined }
  if (parts[0] === 'items') return { name: 'inbox', query }
  if (parts[0] === 'posters') return { name: 'posters', query }
  if (parts[0] === 'dashboard') return { name: 'dashboard', query }
  if (parts[0] === 'report') return { name: 'report', query }
  const simple = SIMPLE.find((name) => name === parts[0])
  return simple ? { name: simple } : { name: 'home' }
}

export function itemHref(id: string): string {
  return `#/items/${encodeURIComponent(id)}`
}

/** The item with its report form open on dispatch `assignmentId`: a task card's one tap. */
export function reportOnHref(id: string, assignmentId: string): string {
  return `${itemHref(id)}?report=${encodeURIComponent(assignmentId)}`
}

/** The printable 交办单 of one dispatch of an item. */
export function slipHref(id: string, assignmentId: string): string {
  return `${itemHref(id)}/slip/${encodeURIComponent(assignmentId)}`
}

/** The printable posters of one QR point (`id`), of a unit's points (`unitId`), or of all in scope. */
export function postersHref(filter: { id?: string; unitId?: string } = {}): string {
  return withQuery('#/posters', filter)
}

/** The printable 月报 of a month (`YYYY-MM`) under a unit; without them, last month under the reviewer's unit. */
export function reportHref(filter: { month?: string; unitId?: string } = {}): string {
  return withQuery('#/report', filter)
}

/** `path?a=1&b=2`, with the empty values left out. */
function withQuery(path: string, filter: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as string[][]).toString()
  return query ? `${path}?${query}` : path
}

export function inboxHref(query = ''): string {
  return query ? `#/items?${query}` : '#/items'
}

// The inbox's filters live in its hash, so the way back from an item keeps them.
let lastInboxQuery = ''
export function lastInboxHref(): string {
  return inboxHref(lastInboxQuery)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash))
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash))
    addEventListener('hashchange', update)
    return () => removeEventListener('hashchange', update)
  }, [])
  if (route.name === 'inbox') lastInboxQuery = route.query
  return route
}

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash
}
