import { useEffect, useState } from 'preact/hooks'
import type { TrackedItem } from '../../shared/api'
import type { PhotoView } from '../../shared/photos'
import type { PhotoRow } from '../local-db/db'
import { browserFetch } from '../sync/request'
import { useScreenText } from '../worker/use-screen-text'
import { PHOTO_TEXT, type PhotoKey } from './strings'
import { Thumb } from './Thumb'
import './photos.css'

interface Props {
  code: string
  /** This item's photos kept on the phone. */
  local: PhotoRow[]
  tracked: TrackedItem | null
}

/**
 * An item's photos in 我的意见: the worker's own from the phone, with how their upload stands,
 * then those the server holds that the phone does not (a handler's report photos, or the
 * worker's from another phone), fetched by follow-up code.
 */
export function ItemPhotos({ code, local, tracked }: Props) {
  const { lang } = useScreenText()
  const t = (key: PhotoKey) => PHOTO_TEXT[key][lang === 'en' ? 'en' : 'zh']
  const held = new Set(local.map((p) => p.sha256))
  // Absent on what a device stored before photos existed.
  const remote = (tracked?.photos ?? []).filter((p) => !held.has(p.sha256))
  if (!local.length && !remote.length) return null
  const refused = local.filter((p) => p.state === 'rejected')
  const state = local.some((p) => p.state === 'queued') ? t('uploading') : local.length && !refused.length ? t('uploaded') : null
  return (
    <div class="item-photos">
      {local.length > 0 && (
        <ul class="thumbs">
          {local.map((p, i) => (
            <li key={p.key}>
              <Thumb id={p.key} blob={p.blob} alt={t('photo').replace('{n}', String(i + 1))} />
            </li>
          ))}
        </ul>
      )}
      {state && <p class="photo-state">{state}</p>}
      {refused.map((p) => (
        <p key={p.key} class="error">
          {t('refused')}
          {p.error?.message}
        </p>
      ))}
      {remote.length > 0 && (
        <>
          {remote.some((p) => p.origin === 'staff') && <p class="photo-state">{t('staff')}</p>}
          <ul class="thumbs">
            {remote.map((p, i) => (
              <li key={p.id}>
                <ServerThumb code={code} photo={p} alt={t('photo').replace('{n}', String(local.length + i + 1))} offline={t('offline')} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

/** A photo the server holds, as its thumbnail fetched with the follow-up code; offline it says so. */
function ServerThumb({ code, photo, alt, offline }: { code: string; photo: PhotoView; alt: string; offline: string }) {
  const [blob, setBlob] = useState<Blob | null | 'failed'>(null)
  useEffect(() => {
    let live = true
    browserFetch('/api/track/photo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, photoId: photo.id, thumb: true }), credentials: 'omit' })
      .then((res): Promise<Blob | 'failed'> | 'failed' => (res.ok && (res.headers.get('content-type') ?? '').startsWith('image/') ? res.blob() : 'failed'))
      .catch((): 'failed' => 'failed')
      .then((result) => live && setBlob(result))
    return () => void (live = false)
  }, [photo.id])
  if (blob === 'failed') return <span class="thumb thumb-missing" role="img" aria-label={alt}>{offline}</span>
  return blob ? <Thumb id={photo.id} blob={blob} alt={alt} /> : <span class="thumb" role="img" aria-label={alt} />
}
