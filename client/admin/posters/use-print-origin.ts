import { useEffect, useState } from 'preact/hooks'
import type { PublicOriginView } from '../../../shared/posters'
import { api } from '../api'

/** Where printed QR codes point (the server decides), or why there is no such address. */
export function usePrintOrigin(): { origin: string | null; failure: unknown } {
  const [state, setState] = useState<{ origin: string | null; failure: unknown }>({ origin: null, failure: null })
  useEffect(() => {
    api.get<PublicOriginView>('/api/admin/entry-points/public-origin').then(
      ({ origin }) => setState({ origin, failure: null }),
      (failure: unknown) => setState({ origin: null, failure }),
    )
  }, [])
  return state
}
