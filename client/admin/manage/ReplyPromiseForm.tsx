import { useEffect, useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api } from '../api'
import { fill } from '../format'
import { Field } from '../ui/Field'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

interface Promise_ {
  days: number | null
  inherited: number | null
}

/** The union's promised time to answer, for its own unit: workers read it after submitting. */
export function ReplyPromiseForm() {
  const { s } = useText()
  const current = useLoad(() => api.get<Promise_>('/api/admin/reply-promise'), [])
  const [days, setDays] = useState('')
  const save = useSubmit()
  useEffect(() => setDays(current.data?.days ? String(current.data.days) : ''), [current.data])
  const submit = (e: Event) => {
    e.preventDefault()
    void save.run(async () => {
      const next = await api.put<Promise_>('/api/admin/reply-promise', { days: days.trim() ? Number(days) : null })
      current.setData(next)
      return s('saved')
    })
  }
  const inherited = current.data?.inherited
  return (
    <form class="adm-card adm-form" onSubmit={submit}>
      <h2>{s('replyPromiseTitle')}</h2>
      <Field id="reply-days" label={s('replyPromiseDays')}>
        <input id="reply-days" type="number" inputMode="numeric" min={1} max={ADMIN_LIMITS.replyWithinDaysMax} value={days} onInput={(e) => setDays(e.currentTarget.value)} />
      </Field>
      <p class="adm-hint">{inherited ? fill(s('replyPromiseInherited'), { days: String(inherited) }) : s('replyPromiseHint')}</p>
      <Message text={current.error || save.error} />
      <Message text={save.done} ok />
      <button type="submit" class="adm-primary" disabled={save.busy}>
        {s('save')}
      </button>
    </form>
  )
}
