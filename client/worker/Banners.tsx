import { useLang } from '../i18n/lang'
import type { UpdateControl } from '../pwa/register'
import type { DeviceState } from './device-store'

interface Props {
  device: DeviceState
  update: UpdateControl | null
  onLater(): void
}

export const inWeChat = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent)

export function Banners({ device, update, onLater }: Props) {
  const { t } = useLang()
  return (
    <>
      {update && (
        <div class="banner update" role="alert">
          <span>{t('updateReady')}</span>
          <button type="button" class="primary" onClick={() => update.apply()}>
            {t('updateApply')}
          </button>
          <button type="button" onClick={onLater}>
            {t('updateLater')}
          </button>
        </div>
      )}
      {inWeChat() && <p class="banner hint">{t('wechatHint')}</p>}
      {device.phase === 'failed' && <p class="banner warn">{device.reason === 'full' ? t('storageFull') : t('storageFailed')}</p>}
    </>
  )
}
