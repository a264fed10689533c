import { useEffect, useState } from 'preact/hooks'
import type { EntryPointInfo } from '../../shared/api'

// Every QR point, kept for a worker who opens the app without a code (shared link, home screen).
const PLACES = 'yj.places'

function readPlaces(): EntryPointInfo[] {
  try {
    return JSON.parse(localStorage.getItem(PLACES) ?? '[]') as EntryPointInfo[]
  } catch {
    return []
  }
}

/** Every QR point of the organisation: the copy on the phone at once, then the server's when it answers. */
export function usePlaces(wanted: boolean): EntryPointInfo[] {
  const [places, setPlaces] = useState<EntryPointInfo[]>([])
  useEffect(() => {
    if (!wanted) return
    setPlaces(readPlaces())
    fetch('/api/entry-points', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return
        const list = (await response.json()) as EntryPointInfo[]
        setPlaces(list)
        try {
          localStorage.setItem(PLACES, JSON.stringify(list))
        } catch {
          // Without storage the list is asked for again next time.
        }
      })
      .catch(() => undefined)
  }, [wanted])
  return places
}
