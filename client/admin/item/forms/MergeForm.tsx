import { useEffect, useState } from 'preact/hooks'
import type { ItemPage, ItemSummary } from '../../../../shared/admin-api'
import { STATUSES } from '../../../../shared/lifecycle'
import { api, failureText, queryString } from '../../api'
import { Message } from '../../ui/Message'
import { StatusBadge } from '../../ui/StatusBadge'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

// A merged item cannot be a main item: the search never offers one.
const MAIN_STATUSES = STATUSES.filter((s) => s !== 'merged').join(',')
const SHOWN = 8

/** 合并: this item is a duplicate of another, found by its number or its words, whose answer its worker will follow. */
export function MergeForm({ item, act, action }: FormProps<'merge'>) {
  const { s } = useText()
  const [q, setQ] = useState('')
  const [found, setFound] = useState<ItemSummary[] | null>(null)
  const [failure, setFailure] = useState('')
  const [into, setInto] = useState('')
  useEffect(() => {
    const text = q.trim()
    if (!text) {
      setFound(null)
      return
    }
    // Asked once the reviewer pauses, and only the latest answer is shown.
    let current = true
    const timer = setTimeout(async () => {
      try {
        const page = await api.get<ItemPage>(`/api/admin/items${queryString({ q: text, status: MAIN_STATUSES, limit: String(SHOWN + 1) })}`)
        if (!current) return
        setFound(page.items.filter((i) => i.id !== item.id).slice(0, SHOWN))
        setFailure('')
      } catch (err) {
        if (current) setFailure(failureText(err))
      }
    }, 300)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, item.id])
  return (
    <ActionForm action={action} title={s('mergeTitle')} onSubmit={() => act(action, { into })}>
      <div class="adm-field">
        <label for="merge-search">{s('mergeSearch')}</label>
        <input id="merge-search" type="search" autocomplete="off" spellcheck={false} value={q} onInput={(e) => setQ(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
        <small class="adm-hint">{s('mergeHint')}</small>
      </div>
      <Message text={failure} />
      {found && !found.length && <p class="adm-hint">{s('mergeNoMatch')}</p>}
      {found && found.length > 0 && (
        <fieldset class="adm-merge-choices">
          <legend>{s('mergeInto')}</legend>
          {found.map((i) => (
            <label key={i.id} class="adm-merge-choice">
              <input type="radio" name="merge-into" value={i.id} required checked={into === i.id} onChange={() => setInto(i.id)} />
              <span class="adm-number">{i.number}</span> <StatusBadge status={i.status} /> {i.summary || i.excerpt}
            </label>
          ))}
        </fieldset>
      )}
    </ActionForm>
  )
}
