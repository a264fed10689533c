import { useEffect, useState } from 'preact/hooks'
import type { Device } from '../local-db/device'
import type { SchedulerState } from '../sync/scheduler'
import { getLang } from '../i18n/lang'

/** The device storage loads after first paint; until then (or if it fails) screens wait or go direct. */
export type DeviceState =
  | { phase: 'loading' }
  | { phase: 'ready'; device: Device }
  | { phase: 'failed'; reason: 'unavailable' | 'full' }

let state: DeviceState = { phase: 'loading' }
let sync: SchedulerState | null = null
const listeners = new Set<() => void>()
let started: Promise<DeviceState> | null = null

const emit = () => listeners.forEach((listener) => listener())

export function startDevice(): Promise<DeviceState> {
  started ??= import('../local-db/device')
    .then(({ openDevice }) =>
      openDevice(getLang, (next) => {
        sync = next
        emit()
      }),
    )
    .then(
      (device): DeviceState => ({ phase: 'ready', device }),
      (error: unknown): DeviceState => ({ phase: 'failed', reason: isQuotaError(error) ? 'full' : 'unavailable' }),
    )
    .then((next) => {
      state = next
      emit()
      return next
    })
  return started
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name ?? ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError'
}

export function useDevice(): { device: DeviceState; sync: SchedulerState | null } {
  const [, force] = useState(0)
  useEffect(() => {
    const listener = () => force((n) => n + 1)
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, [])
  return { device: state, sync }
}
