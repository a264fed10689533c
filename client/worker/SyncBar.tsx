import { formatTime } from '../../shared/time'
import { useDevice, type DeviceState } from './device-store'
import { useScreenText } from './use-screen-text'

/** When the device last reached the server, and a button to try now. */
export function SyncBar({ device }: { device: DeviceState }) {
  const { lang, s } = useScreenText()
  const { sync } = useDevice()
  const failed = sync?.last && !sync.last.ok
  // The server answered "not now" (its database restarting, too many phones at once): say so, not "unreachable".
  const busy = failed && (sync.last!.failure === 'server' || sync.last!.failure === 'rate_limited')
  return (
    <div class="syncbar">
      <span class="meta" role="status">
        {sync?.running ? s('syncing') : busy ? s('syncBusy') : failed ? s('syncFailed') : sync?.lastOkAt ? s('lastSync') + formatTime(new Date(sync.lastOkAt).toISOString(), lang) : s('neverSynced')}
      </span>
      <button type="button" disabled={device.phase !== 'ready' || !!sync?.running} onClick={() => device.phase === 'ready' && void device.device.syncNow()}>
        {s('syncNow')}
      </button>
    </div>
  )
}
