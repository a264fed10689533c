import { useRef, useState } from 'preact/hooks'
import { PHOTO_LIMITS } from '../../../../shared/photos'
import type { PreparedPhoto } from '../../../photos/prepare'
import { api } from '../../api'
import { useText } from '../../use-text'

/** A chosen photo: prepared on the device (then it has a preview and its key), uploading, sent, or refused. */
export interface PhotoPick {
  key: number
  preview: { url: string; width: number; height: number } | null
  sha256: string | null
  state: 'busy' | 'done' | 'error'
  error: string
  /** The upload stopped on the network: it can go on from where it stopped. */
  retry: boolean
}

/**
 * The report form's photos: each prepared and uploaded as soon as it is chosen, so that the
 * report itself only names them. The photo code is imported on the first pick.
 */
export function usePhotoPicks(itemId: string) {
  const { s } = useText()
  const [picks, setPicks] = useState<PhotoPick[]>([])
  const [notice, setNotice] = useState('')
  const next = useRef(0)
  const prepared = useRef(new Map<number, PreparedPhoto>())
  const latest = useRef(picks)
  latest.current = picks

  const update = (key: number, change: Partial<PhotoPick>) => setPicks((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)))

  async function send(key: number, photo: PreparedPhoto) {
    update(key, { state: 'busy', error: '', retry: false })
    try {
      const { sendPhoto } = await import('./send-photo')
      const result = await sendPhoto(itemId, photo)
      if (result.ok) update(key, { state: 'done' })
      else update(key, { state: 'error', error: result.retry ? s('photoNoNetwork') : result.message, retry: result.retry })
    } catch {
      // The code itself did not load: no network either.
      update(key, { state: 'error', error: s('photoNoNetwork'), retry: true })
    }
  }

  async function prepareAndSend(key: number, file: File) {
    let photo: PreparedPhoto
    let url: string
    try {
      const { preparePhoto } = await import('./send-photo')
      photo = await preparePhoto(file)
      url = await dataUrl(photo.blob)
    } catch {
      update(key, { state: 'error', error: s('photoUnreadable') })
      return
    }
    // The same picture chosen twice is one photo.
    if (latest.current.some((p) => p.sha256 === photo.sha256)) {
      setPicks((all) => all.filter((p) => p.key !== key))
      return
    }
    prepared.current.set(key, photo)
    update(key, { sha256: photo.sha256, preview: { url, width: photo.width, height: photo.height } })
    await send(key, photo)
  }

  return {
    picks,
    notice,
    full: picks.length >= PHOTO_LIMITS.perReport,
    busy: picks.some((p) => p.state === 'busy'),
    /** What the report sends: the photos the server holds. */
    ids: [...new Set(picks.flatMap((p) => (p.state === 'done' && p.sha256 ? [p.sha256] : [])))],
    add(files: File[]) {
      const room = PHOTO_LIMITS.perReport - picks.length
      setNotice(files.length > room ? s('photoTooMany').replace('{n}', String(PHOTO_LIMITS.perReport)) : '')
      const taken = files.slice(0, Math.max(0, room)).map((file) => ({ key: next.current++, file }))
      setPicks((all) => [...all, ...taken.map(({ key }) => ({ key, preview: null, sha256: null, state: 'busy' as const, error: '', retry: false }))])
      for (const { key, file } of taken) void prepareAndSend(key, file)
    },
    retry(key: number) {
      const photo = prepared.current.get(key)
      if (photo) void send(key, photo)
    },
    remove(key: number) {
      // The server lets it go too, so that it no longer counts toward the three (best effort: a week's pruning takes what is left).
      const sha256 = latest.current.find((p) => p.key === key)?.sha256
      if (sha256) void api.delete(`/api/admin/items/${itemId}/photos/${sha256}`).catch(() => undefined)
      prepared.current.delete(key)
      setNotice('')
      setPicks((all) => all.filter((p) => p.key !== key))
    },
  }
}

export type PhotoPicks = ReturnType<typeof usePhotoPicks>

/** The preview as a data: URL: nothing to revoke when the pick goes. */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}
