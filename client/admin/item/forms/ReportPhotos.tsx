import { PHOTO_LIMITS } from '../../../../shared/photos'
import { Message } from '../../ui/Message'
import { useText } from '../../use-text'
import type { PhotoPicks } from './use-photo-picks'
import '../photos.css'

/** 添加照片 on a report back: previews with their upload state, 删除, and 重试 after a dropped link. */
export function ReportPhotos({ photos }: { photos: PhotoPicks }) {
  const { s } = useText()
  const n = String(PHOTO_LIMITS.perReport)
  return (
    <div class="adm-field">
      {photos.picks.length > 0 && (
        <ul class="adm-photo-picks">
          {photos.picks.map((p, i) => {
            const alt = `${s('photoReport')} ${i + 1}`
            return (
              <li key={p.key} class="adm-photo-pick">
                {p.preview && <img src={p.preview.url} width={p.preview.width} height={p.preview.height} alt={alt} />}
                <span class={`adm-photo-state-${p.state}`} role={p.state === 'error' ? 'alert' : 'status'}>
                  {p.state === 'busy' ? s('photoUploading') : p.state === 'done' ? s('photoUploaded') : p.error}
                </span>
                <span class="adm-buttons">
                  {p.state === 'error' && p.retry && (
                    <button type="button" onClick={() => photos.retry(p.key)}>
                      {s('photoRetry')}
                    </button>
                  )}
                  <button type="button" aria-label={`${s('delete')} ${alt}`} onClick={() => photos.remove(p.key)}>
                    {s('delete')}
                  </button>
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <label class={photos.full ? 'adm-photo-add adm-photo-add-off' : 'adm-photo-add'}>
        {s('photoAdd')}
        <input
          type="file"
          accept="image/*"
          multiple
          class="adm-visually-hidden"
          disabled={photos.full}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])]
            // Cleared, so that a photo deleted can be chosen again.
            e.currentTarget.value = ''
            photos.add(files)
          }}
        />
      </label>
      <small class="adm-hint">{s('photoLimit').replace('{n}', n)}</small>
      <Message text={photos.notice} />
    </div>
  )
}
