import { useEffect, useState } from 'preact/hooks'
import type { PosterView } from '../../../shared/posters'
import { api } from '../api'
import { useText } from '../use-text'
import { OriginNotice } from './OriginNotice'
import { PosterSheet } from './PosterSheet'
import './posters.css'

/**
 * The posters to print, one per A4 page: one QR point's (`id=`), a unit's (`unitId=`), or all
 * in the caller's scope. The bar above them is for the screen only.
 */
export function PosterPage({ query }: { query: string }) {
  const { s } = useText()
  const [posters, setPosters] = useState<PosterView[] | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  useEffect(() => {
    setPosters(null)
    setFailure(null)
    api.get<PosterView[]>(`/api/admin/entry-points/posters${query ? `?${query}` : ''}`).then(setPosters, setFailure)
  }, [query])
  return (
    <div class="adm poster-page">
      <div class="poster-bar">
        <a href="#/entry-points">{s('backToQr')}</a>
        {posters && posters.length > 0 && (
          <>
            <button type="button" class="adm-primary" onClick={() => print()}>
              {s('printNow')}
            </button>
            <span>{s('posterCount').replace('{n}', String(posters.length))}</span>
          </>
        )}
      </div>
      <div class="poster-notes">
        <OriginNotice failure={failure} />
        {!posters && !failure && <p>{s('loading')}</p>}
        {posters?.length === 0 && <p>{s('noPosters')}</p>}
      </div>
      {posters?.map((p) => <PosterSheet key={p.id} poster={p} />)}
    </div>
  )
}
