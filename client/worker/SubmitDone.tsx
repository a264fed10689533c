import { useState } from 'preact/hooks'
import { useLang } from '../i18n/lang'
import type { DeviceState } from './device-store'
import type { SubmitResult } from './submit'
import { useMine } from './use-mine'

interface Props {
  result: Extract<SubmitResult, { kind: 'queued' | 'delivered' }>
  device: DeviceState
  onAnother(): void
  onMine(): void
  /** The union's promised days to answer at this place, when it promised any. */
  replyWithinDays?: number | null
}

// The storage warning is said once on a phone, not after every item.
const WARNED = 'yj.storageWarned'

function warnOnce(): boolean {
  try {
    if (localStorage.getItem(WARNED)) return false
    localStorage.setItem(WARNED, '1')
  } catch {
    // Without storage it is said each time: it is all the more true.
  }
  return true
}

export function SubmitDone({ result, device, onAnother, onMine, replyWithinDays }: Props) {
  const { t } = useLang()
  const row = useMine(device)?.find((r) => r.id === result.id)
  const delivered = result.kind === 'delivered' || (row && row.delivery === 'received')
  const risky = device.phase === 'ready' && device.device.storage === 'best-effort' && result.kind === 'queued'
  const [warn] = useState(() => risky && warnOnce())
  const [copied, setCopied] = useState<string | null>(null)
  const copy = () =>
    navigator.clipboard?.writeText(result.code).then(
      () => setCopied(t('copied')),
      () => setCopied(t('copyByHand')),
    ) ?? setCopied(t('copyByHand'))
  return (
    <section class="card done" aria-live="polite">
      <p class={delivered ? 'state ok' : 'state waiting'} role="status">
        {delivered ? t('delivered') : t('savedOffline')}
      </p>
      <p class="code-label">{t('followUpCode')}</p>
      <p class="code" data-testid="follow-up-code">
        {result.code}
      </p>
      <p class="row">
        <button type="button" onClick={() => void copy()}>
          {t('copyCode')}
        </button>
        {copied && <span role="status">{copied}</span>}
      </p>
      <p class="hint">{t('codeKeep')}</p>
      {replyWithinDays ? <p>{t('answerWithin').replace('{days}', String(replyWithinDays))}</p> : null}
      {warn && !delivered && <p class="hint warn">{t('storageRefused')}</p>}
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
