import { useEffect, useState } from 'preact/hooks'
import type { MineRow, PhotoRow, VerdictRow } from '../local-db/db'
import type { Device } from '../local-db/device'
import type { DeviceState } from './device-store'

/** What `read` returns from the device, kept current as this tab, other tabs or the service worker write. */
function useDeviceData<T>(device: DeviceState, read: (device: Device) => Promise<T>, initial: T, onError: T): T {
  const [data, setData] = useState<T>(initial)
  useEffect(() => {
    if (device.phase !== 'ready') return
    return device.device.watch(() => read(device.device), setData, () => setData(onError))
  }, [device.phase])
  return data
}

/** The worker's items on this device, newest first; null until the device storage is open. */
export function useMine(device: DeviceState): MineRow[] | null {
  return useDeviceData<MineRow[] | null>(device, (d) => d.listMine(), null, [])
}

/** Verdicts and messages waiting on this device (or refused), for the items they belong to. */
export function useVerdicts(device: DeviceState): VerdictRow[] {
  return useDeviceData<VerdictRow[]>(device, (d) => d.listVerdicts(), [], [])
}

/** The photos of the worker's items kept on this device, sent or not (我的意见 shows them from here). */
export function useItemPhotos(device: DeviceState): PhotoRow[] {
  return useDeviceData<PhotoRow[]>(device, (d) => d.itemPhotos(), [], [])
}
