import { useEffect, useRef } from 'preact/hooks'
import type { PhotoView } from '../../../shared/photos'
import { useText } from '../use-text'
import { photoUrl } from './photos'

/**
 * One photo full size in a modal dialog: the browser keeps focus inside, Escape closes it and
 * focus goes back to the thumbnail. A tap beside the picture closes it too.
 */
export function PhotoViewer({ photo, alt, onClose }: { photo: PhotoView; alt: string; onClose: () => void }) {
  const { s } = useText()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    ref.current?.showModal()
  }, [])
  return (
    <dialog ref={ref} class="adm-photo-viewer" aria-label={alt} onClose={onClose} onClick={(e) => e.target === e.currentTarget && e.currentTarget.close()}>
      <button type="button" class="adm-photo-close" onClick={() => ref.current?.close()}>
        {s('photoClose')}
      </button>
      <img src={photoUrl(photo.id)} width={photo.width} height={photo.height} alt={alt} />
    </dialog>
  )
}
