import { useEffect, useState } from 'preact/hooks'
import { pick } from '../i18n/lang'
import type { DeviceState } from '../worker/device-store'
import { useText } from '../worker/use-text'
import { PHOTO_TEXT } from './strings'
import './photos.css'

type Strip = typeof import('./DraftPhotos')

/**
 * 添加照片 on the form. The input opens the camera or the gallery by itself (no script between
 * the tap and the chooser); decoding and the strip load only once it is used, or when the draft
 * already has photos.
 */
export function PhotoField({ device }: { device: DeviceState }) {
  const { lang } = useText()
  const [picked, setPicked] = useState<File[]>([])
  const [strip, setStrip] = useState<Strip>()
  const hadPhotos = device.phase === 'ready' && device.device.draftHadPhotos
  useEffect(() => {
    if (picked.length || hadPhotos) import('./DraftPhotos').then(setStrip, () => undefined)
  }, [picked, hadPhotos])
  if (strip) return <strip.DraftPhotos device={device} picked={picked} onTaken={() => setPicked([])} />
  return (
    <label class="add-photo">
      {pick(lang, PHOTO_TEXT.add)}
      <input type="file" accept="image/*" multiple class="sr-only" onChange={(e) => setPicked(takeFiles(e.currentTarget))} />
    </label>
  )
}

/** The chosen files; the input is emptied so that the same picture can be chosen again after a remove. */
export function takeFiles(input: HTMLInputElement): File[] {
  const files = [...(input.files ?? [])]
  input.value = ''
  return files
}
