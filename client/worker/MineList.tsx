import { useEffect, useRef, useState } from 'preact/hooks'
import { categoryLabel } from '../../shared/category-labels'
import { isAnswered } from '../../shared/statuses'
import type { SubmitItemInput } from '../../shared/validation'
import { WORKER_STATUS_LABELS } from '../../shared/status-labels'
import { formatMonthDay, formatTime } from '../../shared/time'
import type { MineRow } from '../local-db/db'
import type { Text } from '../i18n/lang'
import type { DeviceState } from './device-store'
import { SyncBar } from './SyncBar'
import { TrackedView } from './TrackedView'
import { useItemPhotos, useMine, useVerdicts } from './use-mine'
import { lazy, useLazy } from './lazy'
import { useNews } from './use-news'
import { useScreenText } from './use-screen-text'
import { useCategories } from './categories'

// Only with an item that has photos: their strip and texts.
const itemPhotos = lazy(() => import('../photos/ItemPhotos'))

interface Props {
  device: DeviceState
  onEdit(row: MineRow, item?: SubmitItemInput): void
}

export function MineList({ device, onEdit }: Props) {
  const { lang, s, l } = useScreenText()
  const categories = useCategories()
  const rows = useMine(device)
  const verdicts = useVerdicts(device)
  const photos = useItemPhotos(device)
  const photoView = useLazy(itemPhotos, photos.length > 0 || !!rows?.some((row) => row.tracked?.photos?.length))
  const list = useRef<HTMLUListElement>(null)
  const news = useNews(device, rows, list)
  const [failure, setFailure] = useState<string | null>(null)
  const fail = (error: unknown) => setFailure(s('saveFailed') + String((error as Error)?.message ?? error))
  if (device.phase === 'failed') return <section class="card"><p class="error">{s('storageFailed')}</p></section>
  return (
    <section class="mine" aria-labelledby="mine-title">
      <h2 id="mine-title">{s('tabMine')}</h2>
      <SyncBar device={device} />
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {rows && rows.length === 0 && <p class="card hint">{s('mineEmpty')}</p>}
      <ul class="items" ref={list}>
        {rows?.map((row) => (
          <li key={row.id} class={news.has(row.id) ? 'card item new' : 'card item'} data-id={row.id}>
            <p class="item-head" data-unseen={row.unseen || undefined}>
              {news.has(row.id) && <span class="news-mark">{s('newMark')}</span>}
              <span class={`badge d-${row.delivery}`}>{badge(row, s, l)}</span>
              <span>{categoryLabel(row.category, lang, categories)}</span>
              <span class="when">{formatTime(row.createdAt, lang)}</span>
            </p>
            <p class="text">{row.content}</p>
            {photoView && <photoView.ItemPhotos code={row.followUpCode} local={photos.filter((p) => p.owner === row.id)} tracked={row.tracked} />}
            <p class="meta">
              {numberOf(row) && `${s('itemNumber')}：${numberOf(row)} · `}
              {s('followUpCode')}：<span class="code-inline">{row.followUpCode}</span> · {row.anonymous ? s('anonymousTag') : s('namedTag')}
              {row.entryName && ` · ${row.entryName}`}
            </p>
            {expectedBy(row) && <p class="meta">{s('expectAnswer').replace('{date}', formatMonthDay(expectedBy(row)!, lang))}</p>}
            {row.delivery === 'rejected' && device.phase === 'ready' && <Rejected row={row} device={device} onEdit={onEdit} onError={fail} />}
            {row.tracked && device.phase === 'ready' && (
              <TrackedView
                code={row.followUpCode}
                item={row.tracked}
                onUpdated={(item) => void device.device.adopt(row.followUpCode, item).catch(fail)}
                queue={(kind, body) => device.device.queueVerdict(row.id, row.followUpCode, kind, body)}
                pending={verdicts.filter((v) => v.itemId === row.id)}
                // The badge and the category above already say it.
                withHead={false}
                onDrop={(id) => void device.device.dropVerdict(id).catch(fail)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The readable number, once the server gave it (on sending, or in a later lookup). */
function numberOf(row: MineRow): string | null {
  return row.number ?? row.tracked?.number ?? null
}

/** When the union promised to answer this item by, if it promised a time and has not answered yet. */
function expectedBy(row: MineRow): string | null {
  const days = row.tracked?.entryPoint?.replyWithinDays
  // Only while the union still owes the answer: not answered (declined counts) or merged yet.
  if (!row.tracked || !days || isAnswered(row.tracked.status) || row.tracked.status === 'merged') return null
  return new Date(new Date(row.tracked.receivedAt).getTime() + days * 86_400_000).toISOString()
}

function badge(row: MineRow, s: (k: 'pending' | 'received' | 'rejected') => string, l: (label: Text) => string): string {
  if (row.delivery === 'pending') return s('pending')
  if (row.delivery === 'rejected') return s('rejected')
  return row.tracked ? l(WORKER_STATUS_LABELS[row.tracked.status]) : s('received')
}

function Rejected({ row, device, onEdit, onError }: { row: MineRow; device: Extract<DeviceState, { phase: 'ready' }>; onEdit(row: MineRow, item?: SubmitItemInput): void; onError(error: unknown): void }) {
  const { s } = useScreenText()
  const reason = useReason(device, row.id)
  return (
    <div class="rejected">
      {reason && (
        <p class="error">
          {s('notSentReason')}
          {reason}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={() => void device.device.discard(row.id, true).then((entry) => onEdit(row, entry?.item), onError)}>
          {s('edit')}
        </button>
        <button type="button" onClick={() => void device.device.discard(row.id).catch(onError)}>
          {s('discard')}
        </button>
      </div>
    </div>
  )
}


function useReason(device: Extract<DeviceState, { phase: 'ready' }>, id: string): string | null {
  const [reason, setReason] = useState<string | null>(null)
  useEffect(() => {
    void device.device.outboxEntry(id).then((entry) => setReason(entry?.error?.message ?? null))
  }, [id])
  return reason
}
