import { useState } from 'preact/hooks'
import type { DeviceState } from './device-store'
import { NoticeOffer } from './NoticeOffer'
import type { SubmitResult } from './submit'
import { useMine } from './use-mine'
import { useScreenText } from './use-screen-text'

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
  const { s } = useScreenText()
  const row = useMine(device)?.find((r) => r.id === result.id)
  const delivered = result.kind === 'delivered' || (row && row.delivery === 'received')
  const risky = device.phase === 'ready' && device.device.storage === 'best-effort' && result.kind === 'queued'
  const [warn] = useState(() => risky && warnOnce())
  const [copied, setCopied] = useState<string | null>(null)
  const copy = () =>
    navigator.clipboard?.writeText(result.code).then(
      () => setCopied(s('copied')),
      () => setCopied(s('copyByHand')),
    ) ?? setCopied(s('copyByHand'))
  return (
    <section class="card done" aria-live="polite">
      <p class={delivered ? 'state ok' : 'state waiting'} role="status">
        {delivered ? s('delivered') : s('savedOffline')}
      </p>
      <p class="code-label">{s('followUpCode')}</p>
      <p class="code" data-testid="follow-up-code">
        {result.code}
      </p>
      <p class="row">
        <button type="button" onClick={() => void copy()}>
          {s('copyCode')}
        </button>
        {copied && <span role="status">{copied}</span>}
      </p>
      {row?.number && (
        <p class="meta">
          {s('itemNumber')}：{row.number}
        </p>
      )}
      <p class="hint">{s('codeKeep')}</p>
      {replyWithinDays ? <p>{s('answerWithin').replace('{days}', String(replyWithinDays))}</p> : null}
      {warn && !delivered && <p class="hint warn">{s('storageRefused')}</p>}
      <div class="row">
        <button type="button" class="primary" onClick={onAnother}>
          {s('writeAnother')}
        </button>
        <button type="button" onClick={onMine}>
          {s('tabMine')}
        </button>
      </div>
      <NoticeOffer device={device} />
    </section>
  )
}
