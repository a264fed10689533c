import type { UpdateControl } from '../pwa/register'
import type { DeviceState } from './device-store'
import { useText } from './use-text'

interface Props {
  device: DeviceState
  update: UpdateControl | null
  onLater(): void
}

export const inWeChat = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent)

export function Banners({ device, update, onLater }: Props) {
  const { s } = useText()
  return (
    <>
      {update && (
        <div class="banner update" role="alert">
          <span>{s('updateReady')}</span>
          <button type="button" class="primary" onClick={() => update.apply()}>
            {s('updateApply')}
          </button>
          <button type="button" onClick={onLater}>
            {s('updateLater')}
          </button>
        </div>
      )}
      {inWeChat() && <p class="banner hint">{s('wechatHint')}</p>}
      {device.phase === 'failed' && <p class="banner warn">{device.reason === 'full' ? s('storageFull') : s('storageFailed')}</p>}
    </>
  )
}
