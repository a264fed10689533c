import type { ItemDetail } from '../../../shared/admin-api'
import { api } from '../api'
import { itemHref } from '../route'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { SlipSheet } from './SlipSheet'
import './slip.css'

/** The 交办单 of one dispatch of an item: a bar with the way back and one button to print, then the A4 sheet. */
export function SlipPage({ id, assignmentId }: { id: string; assignmentId: string }) {
  const { s } = useText()
  const { data: item, error } = useLoad(() => api.get<ItemDetail>(`/api/admin/items/${id}`), [id])
  const assignment = item?.assignments.find((a) => a.id === assignmentId)
  return (
    <div class="slip-page">
      <div class="slip-bar">
        <a href={itemHref(id)}>← {s('slipBack')}</a>
        <button type="button" class="adm-primary" disabled={!assignment} onClick={() => print()}>
          {s('slipPrint')}
        </button>
        <span class="adm-hint">{s('slipPrintHint')}</span>
      </div>
      <Message text={error} />
      {item && !assignment && <Message text={s('slipMissing')} />}
      {!item && !error && <p class="adm-loading">{s('loading')}</p>}
      {item && assignment && <SlipSheet item={item} assignment={assignment} />}
    </div>
  )
}
