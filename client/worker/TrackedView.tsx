import { useState } from 'preact/hooks'
import type { TrackedItem } from '../../shared/api'
import { categoryLabel } from '../../shared/category-labels'
import { isRatable, RATINGS, RATING_LABELS, type Rating } from '../../shared/ratings'
import { WORKER_STATUS_LABELS } from '../../shared/status-labels'
import type { VerdictRow } from '../local-db/db'
import { Timeline } from './Timeline'
import { sendVerdict } from './track-api'
import { useScreenText } from './use-screen-text'
import { useCategories } from './categories'

interface Props {
  code: string
  item: TrackedItem
  onUpdated(item: TrackedItem): void
  /** On the worker's own items: queue the verdict or message on the device (sent by the next sync). */
  queue?(kind: VerdictRow['kind'], body: VerdictRow['body']): Promise<VerdictRow>
  /** Verdicts and messages of this item still on the device. */
  pending?: VerdictRow[]
  onDrop?(id: string): void
  /** The status and category line (我的意见 shows them in the item's head already). */
  withHead?: boolean
}

/** What the server said about one item: status, history and the answer; then the worker's say. */
export function TrackedView({ code, item, onUpdated, queue, pending = [], onDrop, withHead = true }: Props) {
  const { lang, s, l } = useScreenText()
  const categories = useCategories()
  const [rating, setRating] = useState<Rating | ''>('')
  const [text, setText] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  // The verdict or message just put on the phone: "saved on the phone" only while it waits there.
  const [queuedId, setQueuedId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const ratable = isRatable(item.status)
  const waitingRating = pending.find((v) => v.kind === 'rate' && v.state === 'queued')?.body.rating
  const verdict = waitingRating ?? latestVerdict(item)

  const send = async (path: '/api/track/rate' | '/api/track/message') => {
    setBusy(true)
    const kind = path === '/api/track/rate' ? 'rate' : 'message'
    const fields = kind === 'rate' ? { rating: rating as Rating, ...(text.trim() ? { message: text } : {}) } : { text }
    if (queue) {
      // Safe on the phone first, like an item: it goes out with the next sync, once.
      const saved = await queue(kind, fields).then(
        (row) => row,
        (error: unknown) => s('saveFailed') + String((error as Error)?.message ?? error),
      )
      setBusy(false)
      if (typeof saved === 'string') return setMessage(saved)
      setText('')
      setRating('')
      setMessage(null)
      setQueuedId(saved.id)
      return
    }
    const result = await sendVerdict(path, { code, ...fields })
    setBusy(false)
    if (result.ok) {
      setText('')
      setRating('')
      setMessage(s('sentThanks'))
      onUpdated(result.item)
    } else setMessage(result.message ?? s('offlineAction'))
  }

  return (
    <div class="tracked">
      {withHead && (
        <p>
          {item.number && `${s('itemNumber')}：${item.number} · `}
          {s('statusLabel')}
          <strong class={`status s-${item.status}`}>{l(WORKER_STATUS_LABELS[item.status])}</strong> · {categoryLabel(item.category, lang, categories)}
        </p>
      )}
      <Timeline events={item.events} />
      {item.mergedInto && (
        <div class="merged">
          <p class="hint">{s('mergedNote')}</p>
          <p>
            {s('statusLabel')}
            <strong>{l(WORKER_STATUS_LABELS[item.mergedInto.status])}</strong>
          </p>
          <Timeline events={item.mergedInto.events} />
        </div>
      )}
      {ratable && verdict && (
        <p class="meta">
          {s('yourRating')}
          {l(RATING_LABELS[verdict])}
          {waitingRating && ` · ${s('pending')}`}
        </p>
      )}
      {pending
        .filter((v) => v.kind === 'message' || v.state === 'rejected')
        .map((v) => (
          <p key={v.id} class={v.state === 'rejected' ? 'error' : 'meta'}>
            {v.kind === 'message' ? `${s('messageTitle')}：${v.body.text ?? ''}` : s('rateTitle')} · {v.state === 'rejected' ? `${s('rejected')}（${v.error?.message ?? ''}）` : s('pending')}
            {v.state === 'rejected' && onDrop && (
              <button type="button" onClick={() => onDrop(v.id)}>
                {s('discard')}
              </button>
            )}
          </p>
        ))}
      {ratable && !verdict && (
        <fieldset class="verdict">
          <legend>{s('rateTitle')}</legend>
          <div class="row">
            {RATINGS.map((r) => (
              <label key={r} class="check">
                <input type="radio" name={`rating-${item.id}`} value={r} checked={rating === r} onChange={() => setRating(r)} />
                {l(RATING_LABELS[r])}
              </label>
            ))}
          </div>
          <label for={`verdict-${item.id}`}>{s('rateMessage')}</label>
          <textarea id={`verdict-${item.id}`} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="button" disabled={busy || !rating} onClick={() => void send('/api/track/rate')}>
            {s('rateSend')}
          </button>
        </fieldset>
      )}
      {!ratable && item.status !== 'merged' && (
        <details class="verdict">
          <summary>{s('messageTitle')}</summary>
          <textarea aria-label={s('messageTitle')} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="button" disabled={busy || !text.trim()} onClick={() => void send('/api/track/message')}>
            {s('messageSend')}
          </button>
        </details>
      )}
      {queuedId && (
        <p class="notice" role="status">
          {pending.some((v) => v.id === queuedId && v.state === 'queued') ? s('savedOffline') : s('sentThanks')}
        </p>
      )}
      {message && <p class="notice" role="status">{message}</p>}
    </div>
  )
}

/** The worker's rating of the latest answer, if they gave one (a new answer asks again). */
function latestVerdict(item: TrackedItem): Rating | null {
  const events = item.events
  const lastReply = events.map((e) => e.kind).lastIndexOf('reply')
  const rated = events.slice(lastReply + 1).filter((e) => e.kind === 'rate').at(-1)
  const rating = rated?.data?.rating as Rating | undefined
  return rating && (RATINGS as readonly string[]).includes(rating) ? rating : null
}
