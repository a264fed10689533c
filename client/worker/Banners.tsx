import type { DeviceState } from './device-store'
import { useText } from './use-text'

interface Props {
  device: DeviceState
}

export const inWeChat = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent)

// The update banner is UpdateBanner.tsx, loaded after first paint with the other screens.
export function Banners({ device }: Props) {
  const { s } = useText()
  return (
    <>
      {inWeChat() && <p class="banner hint">{s('wechatHint')}</p>}
      {device.phase === 'failed' && <p class="banner warn">{device.reason === 'full' ? s('storageFull') : s('storageFailed')}</p>}
    </>
  )
}
