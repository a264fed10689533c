import { useState } from 'preact/hooks'
import type { PhotoView } from '../../../shared/photos'
import { PhotoViewer } from './PhotoViewer'
import { photoUrl, thumbUrl } from './photos'
import './photos.css'

/**
 * Thumbnails, each a link to the full photo; a plain tap opens it over the page instead (a
 * modified click still opens the link as the browser would). `label` names them: 反馈照片 1, 2 …
 */
export function PhotoStrip({ photos, label }: { photos: readonly PhotoView[]; label: string }) {
  const [open, setOpen] = useState<number | null>(null)
  if (!photos.length) return null
  const alt = (i: number) => `${label} ${i + 1}`
  const shown = open === null ? undefined : photos[open]
  return (
    <>
      <ul class="adm-photos">
        {photos.map((p, i) => (
          <li key={p.id}>
            <a
              href={photoUrl(p.id)}
              target="_blank"
              rel="noopener"
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return
                e.preventDefault()
                setOpen(i)
              }}
            >
              <img src={thumbUrl(p.id)} width={p.width} height={p.height} loading="lazy" alt={alt(i)} />
            </a>
          </li>
        ))}
      </ul>
      {shown && <PhotoViewer photo={shown} alt={alt(open!)} onClose={() => setOpen(null)} />}
    </>
  )
}
