import { formatTime } from '../../shared/time'
import { useLang } from '../i18n/lang'
import { useDevice, type DeviceState } from './device-store'

/** When the device last reached the server, and a button to try now. */
export function SyncBar({ device }: { device: DeviceState }) {
  const { lang, t } = useLang()
  const { sync } = useDevice()
  const failed = sync?.last && !sync.last.ok
  // The server answered "not now" (its database restarting, too many phones at once): say so, not "unreachable".
  const busy = failed && (sync.last!.failure === 'server' || sync.last!.failure === 'rate_limited')
  return (
    <div class="syncbar">
      <span class="meta" role="status">
        {sync?.running ? t('syncing') : busy ? t('syncBusy') : failed ? t('syncFailed') : sync?.lastOkAt ? t('lastSync') + formatTime(new Date(sync.lastOkAt).toISOString(), lang) : t('neverSynced')}
      </span>
      <button type="button" disabled={device.phase !== 'ready' || !!sync?.running} onClick={() => device.phase === 'ready' && void device.device.syncNow()}>
        {t('syncNow')}
      </button>
    </div>
  )
}
