import { useEffect, useState } from 'preact/hooks'
import type { MineRow, VerdictRow } from '../local-db/db'
import { onChanged } from '../local-db/changes'
import type { DeviceState } from './device-store'

/** The worker's items on this device, re-read whenever any tab or the service worker changes them. */
export function useMine(device: DeviceState): MineRow[] | null {
  const [rows, setRows] = useState<MineRow[] | null>(null)
  useEffect(() => {
    if (device.phase !== 'ready') return
    let live = true
    const load = () =>
      void device.device.listMine().then(
        (next) => live && setRows(next),
        () => live && setRows([]),
      )
    load()
    const stop = onChanged(load)
    return () => {
      live = false
      stop()
    }
  }, [device.phase])
  return rows
}

/** Verdicts and messages waiting on this device (or refused), for the items they belong to. */
export function useVerdicts(device: DeviceState): VerdictRow[] {
  const [rows, setRows] = useState<VerdictRow[]>([])
  useEffect(() => {
    if (device.phase !== 'ready') return
    let live = true
    const load = () => void device.device.listVerdicts().then((next) => live && setRows(next), () => undefined)
    load()
    const stop = onChanged(load)
    return () => {
      live = false
      stop()
    }
  }, [device.phase])
  return rows
}
