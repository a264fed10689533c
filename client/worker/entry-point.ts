import { useEffect, useState } from 'preact/hooks'
import type { EntryPointAnswer, EntryPointInfo } from '../../shared/api'
import { ENTRY_POINT_CODE } from '../../shared/limits'
import { rememberCategories } from './categories'

// The QR code's place, remembered on the device so that the form opens offline and the
// installed app (which starts at "/") still knows where the worker last scanned.
const CACHE = 'yj.entryPoints'
const LAST = 'yj.lastEntryPoint'

export type EntryState =
  | { kind: 'pending' }
  | { kind: 'none' }
  | { kind: 'known'; info: EntryPointInfo }
  | { kind: 'unverified'; code: string }
  | { kind: 'unknown'; code: string }

function readCache(): Record<string, EntryPointInfo> {
  try {
    return JSON.parse(localStorage.getItem(CACHE) ?? '{}') as Record<string, EntryPointInfo>
  } catch {
    return {}
  }
}

function remember(info: EntryPointInfo): void {
  try {
    localStorage.setItem(CACHE, JSON.stringify({ ...readCache(), [info.code]: info }))
    localStorage.setItem(LAST, info.code)
  } catch {
    // Without storage the place is simply looked up again next time.
  }
}

export function entryCodeFromUrl(search: string): string | null {
  const code = new URLSearchParams(search).get('s')?.trim()
  return code && ENTRY_POINT_CODE.test(code) ? code : null
}

function initial(): EntryState {
  let code = entryCodeFromUrl(location.search)
  if (!code) {
    try {
      code = localStorage.getItem(LAST)
    } catch {
      code = null
    }
  }
  if (!code) return { kind: 'none' }
  const cached = readCache()[code]
  return cached ? { kind: 'known', info: cached } : { kind: 'unverified', code }
}

export function entryCode(state: EntryState): string | null {
  if (state.kind === 'known') return state.info.code
  return state.kind === 'none' || state.kind === 'pending' ? null : state.code
}

export interface EntryPoint {
  state: EntryState
  /** True when the page was opened by a QR code (`?s=`): the place is the code's, not a choice. */
  scanned: boolean
  /** The worker chose the place: remembered for next time, like a scanned code. */
  choose(info: EntryPointInfo): void
}

/**
 * Asks the server about a QR point: its place and today's categories (kept on the device); null
 * offline. `scanned`: the page was opened by this code's poster, which the server counts (a
 * number per day, nothing about the phone).
 */
async function lookUp(code: string, scanned = false): Promise<EntryState | null> {
  try {
    const response = await fetch(`/api/entry-points/${encodeURIComponent(code)}${scanned ? '?scan=1' : ''}`, { headers: { accept: 'application/json' } })
    const json = (response.headers.get('content-type') ?? '').includes('application/json')
    if (response.status === 404 && json) return { kind: 'unknown', code }
    if (!response.ok || !json) return null
    const { categories, ...info } = (await response.json()) as EntryPointAnswer
    rememberCategories(categories)
    remember(info)
    return { kind: 'known', info }
  } catch {
    return null
  }
}

/** Starts from what the device knows, then asks the server; offline it keeps the code as it is. */
export function useEntryPoint(): EntryPoint {
  // 'pending' matches the prerendered page; the device's knowledge arrives right after hydration.
  const [state, setState] = useState<EntryState>({ kind: 'pending' })
  const [scanned, setScanned] = useState(false)
  const choose = (info: EntryPointInfo) => {
    remember(info)
    setState({ kind: 'known', info })
    // The list of places carries no categories: the chosen place's answer does.
    void lookUp(info.code)
  }
  useEffect(() => {
    setScanned(entryCodeFromUrl(location.search) !== null)
    const start = initial()
    setState(start)
    const code = entryCode(start)
    if (!code) return
    void lookUp(code, entryCodeFromUrl(location.search) === code).then((found) => found && setState(found))
  }, [])
  return { state, scanned, choose }
}

/** Where a QR point is, as the form says it: its units below the top one, then its name, without
 * repeating a unit the name already starts with (第一中心站 · 第一中心站生活点文化墙 → 第一中心站生活点文化墙). */
export function placeLabel(info: EntryPointInfo): string {
  const units = info.unitPath.slice(1)
  while (units.length && info.name.startsWith(units.at(-1)!)) units.pop()
  return [...units, info.name].join(' · ')
}
