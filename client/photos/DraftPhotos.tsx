import { useEffect, useState } from 'preact/hooks'
import { PHOTO_LIMITS } from '../../shared/photos'
import type { PhotoRow } from '../local-db/db'
import { pick } from '../i18n/lang'
import { startDevice, type DeviceState } from '../worker/device-store'
import { useText } from '../worker/use-text'
import { takeFiles } from './PhotoField'
import { preparePhoto } from './prepare'
import { PHOTO_TEXT, type PhotoKey } from './strings'
import { Thumb } from './Thumb'

interface Props {
  device: DeviceState
  /** Files chosen with 添加照片 before this module arrived (PhotoField.tsx). */
  picked: File[]
  onTaken(): void
}

/**
 * The draft's photos: 添加照片, then each file decoded, scaled and re-encoded on the phone
 * (prepare.ts) and kept with the draft, shown as a strip of thumbnails with remove buttons.
 * Loaded only when 添加照片 is used or the draft has photos (PhotoField.tsx).
 */
export function DraftPhotos({ device, picked, onTaken }: Props) {
  const { lang } = useText()
  const t = (key: PhotoKey) => pick(lang, PHOTO_TEXT[key])
  const [rows, setRows] = useState<PhotoRow[]>([])
  const [working, setWorking] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const ready = device.phase === 'ready' ? device.device : null

  useEffect(() => ready?.watch(() => ready.draftPhotos(), setRows, () => setRows([])), [ready])
  useEffect(() => {
    if (!picked.length) return
    onTaken()
    void take(picked)
  }, [picked])

  // One at a time: a camera's picture, decoded, takes tens of megabytes.
  async function take(files: File[]) {
    const storage = device.phase === 'loading' ? await startDevice() : device
    if (storage.phase !== 'ready') return setMessage(t(storage.phase === 'failed' && storage.reason === 'full' ? 'full' : 'noStorage'))
    setWorking(true)
    setMessage(null)
    for (const file of files) {
      const photo = await preparePhoto(file).catch(() => null)
      if (!photo) {
        setMessage(t('unreadable'))
        continue
      }
      const result = await storage.device.addDraftPhoto(photo).catch(() => 'failed' as const)
      if (result === 'added') continue
      setMessage(t(result === 'failed' ? 'noStorage' : result === 'too_many' ? 'tooMany' : result))
      if (result !== 'duplicate') break
    }
    setWorking(false)
  }

  const full = rows.length >= PHOTO_LIMITS.perItem
  return (
    <div class="photos">
      {rows.length > 0 && (
        <ul class="thumbs">
          {rows.map((row, i) => (
            <li key={row.key}>
              <Thumb id={row.key} blob={row.blob} alt={t('photo').replace('{n}', String(i + 1))} />
              <button type="button" class="remove" aria-label={`${t('remove')} ${i + 1}`} title={t('remove')} onClick={() => void ready?.removePhoto(row.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="photo-bar">
        <label class="add-photo">
          {t('add')}
          <input type="file" accept="image/*" multiple class="sr-only" disabled={full || working} onChange={(e) => void take(takeFiles(e.currentTarget))} />
        </label>
        <span class="hint">{t('count').replace('{n}', String(rows.length))}</span>
      </div>
      <p class="hint">{working ? t('working') : t('private')}</p>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
