import { useEffect, useState } from 'preact/hooks'
import type { ItemDetail, Me } from '../../../shared/admin-api'
import { api, ApiFailure } from '../api'
import { lastInboxHref } from '../route'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { ActionPanel } from './ActionPanel'
import { type Act, sendAction } from './act'
import { Assignments } from './Assignments'
import { ItemFacts } from './ItemFacts'
import { Timeline } from './Timeline'

/** One item: what the worker wrote, how it is classified, where it was sent, its history, and what to do next. */
export function ItemPage({ id, me, report }: { id: string; me: Me; report?: string }) {
  const { s } = useText()
  const { data: item, setData, error, reload } = useLoad(() => api.get<ItemDetail>(`/api/admin/items/${id}`), [id])
  const [notice, setNotice] = useState('')
  // Bumped after each successful action so the forms start empty again.
  const [round, setRound] = useState(0)
  // Come from a task card to report: the report form in sight (below the item on a phone), its first field ready.
  const loaded = item !== null
  useEffect(() => {
    const form = report && loaded ? document.getElementById('report-text')?.closest('form') : null
    if (!form) return
    form.scrollIntoView({ block: 'start' })
    form.querySelector<HTMLElement>('select, textarea')?.focus({ preventScroll: true })
  }, [loaded, report])

  const act: Act = async (action, body) => {
    if (!item) return
    setNotice('')
    try {
      setData(await sendAction(item, action, body))
      setRound((r) => r + 1)
    } catch (err) {
      // Someone else acted first, or the item moved on: say so and show what it is now.
      if (err instanceof ApiFailure && err.status === 409) {
        setNotice(`${err.message} ${s('reloaded')}`)
        await reload()
        scrollTo({ top: 0, behavior: 'smooth' })
        return
      }
      throw err
    }
  }

  return (
    <article class="adm-item">
      <p class="adm-back">
        <a href={report ? '#/tasks' : lastInboxHref()}>← {s(report ? 'navTasks' : 'backToInbox')}</a>
      </p>
      <Message text={notice} />
      <Message text={error} />
      {item && (
        <div class="adm-item-grid">
          <div class="adm-item-main">
            <ItemFacts item={item} photos={item.photos} />
            <Assignments itemId={item.id} assignments={item.assignments} photos={item.photos} />
            <Timeline events={item.events} photos={item.photos} />
          </div>
          <aside class="adm-item-side" aria-label={s('actions')}>
            <ActionPanel key={`${item.id}:${round}`} item={item} me={me} act={act} />
          </aside>
        </div>
      )}
    </article>
  )
}
