import { useEffect, useState } from 'preact/hooks'
import type { DeviceState } from '../worker/device-store'

type Field = typeof import('./PhotoField')

/**
 * Where 添加照片 goes on the form. It comes with the submit path (after first paint), and the
 * field itself, its CSS and strings are fetched from here: the first load names none of their files.
 */
export function PhotoSlot({ device }: { device: DeviceState }) {
  const [field, setField] = useState<Field>()
  useEffect(() => {
    import('./PhotoField').then(setField, () => undefined)
  }, [])
  return field ? <field.PhotoField device={device} /> : null
}
