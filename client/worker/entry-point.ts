import { useEffect, useState } from 'preact/hooks'
import type { EntryPointInfo } from '../../shared/api'

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
  return code && /^[A-Za-z0-9_-]{1,32}$/.test(code) ? code : null
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

/** Starts from what the device knows, then asks the server; offline it keeps the code as it is. */
export function useEntryPoint(): EntryState {
  // 'pending' matches the prerendered page; the device's knowledge arrives right after hydration.
  const [state, setState] = useState<EntryState>({ kind: 'pending' })
  useEffect(() => {
    const start = initial()
    setState(start)
    const code = entryCode(start)
    if (!code) return
    fetch(`/api/entry-points/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } })
      .then(async (response) => {
        const json = (response.headers.get('content-type') ?? '').includes('application/json')
        if (response.status === 404 && json) return setState({ kind: 'unknown', code })
        if (!response.ok || !json) return
        const info = (await response.json()) as EntryPointInfo
        remember(info)
        setState({ kind: 'known', info })
      })
      .catch(() => undefined)
  }, [])
  return state
}
