import { useLang } from '../i18n/lang'
import type { DeviceState } from './device-store'
import type { SubmitResult } from './submit'
import { useMine } from './use-mine'

interface Props {
  result: Extract<SubmitResult, { kind: 'queued' | 'delivered' }>
  device: DeviceState
  onAnother(): void
  onMine(): void
}

export function SubmitDone({ result, device, onAnother, onMine }: Props) {
  const { t } = useLang()
  const row = useMine(device)?.find((r) => r.id === result.id)
  const delivered = result.kind === 'delivered' || (row && row.delivery === 'received')
  return (
    <section class="card done" aria-live="polite">
      <p class={delivered ? 'state ok' : 'state waiting'} role="status">
        {delivered ? t('delivered') : t('savedOffline')}
      </p>
      <p class="code-label">{t('followUpCode')}</p>
      <p class="code" data-testid="follow-up-code">
        {result.code}
      </p>
      <p class="hint">{t('codeKeep')}</p>
      {device.phase === 'ready' && device.device.storage === 'best-effort' && !delivered && <p class="hint warn">{t('storageRefused')}</p>}
      <div class="row">
        <button type="button" class="primary" onClick={onAnother}>
          {t('writeAnother')}
        </button>
        <button type="button" onClick={onMine}>
          {t('tabMine')}
        </button>
      </div>
    </section>
  )
}
