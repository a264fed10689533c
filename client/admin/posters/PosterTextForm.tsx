import { useEffect, useState } from 'preact/hooks'
import { POSTER_TEXT_LIMITS, type PosterTextView } from '../../../shared/posters'
import { api } from '../api'
import { Field } from '../ui/Field'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { posterWords } from './poster-defaults'

/** The union's own title line and footer on its posters (and its sub-units' that set none); empty: the default. */
export function PosterTextForm({ unitPath }: { unitPath: string[] }) {
  const { s } = useText()
  const current = useLoad(() => api.get<PosterTextView>('/api/admin/entry-points/poster-text'), [])
  const [title, setTitle] = useState('')
  const [footer, setFooter] = useState('')
  const save = useSubmit()
  useEffect(() => {
    setTitle(current.data?.own.title ?? '')
    setFooter(current.data?.own.footer ?? '')
  }, [current.data])
  // What an empty field prints: a unit above's words, else the app's.
  const fallback = posterWords(current.data?.inherited ?? { title: null, footer: null }, unitPath, s)
  const submit = (e: Event) => {
    e.preventDefault()
    void save.run(async () => {
      current.setData(await api.put<PosterTextView>('/api/admin/entry-points/poster-text', { title: title.trim() || null, footer: footer.trim() || null }))
      return s('saved')
    })
  }
  // Not before the saved words are in: a field typed in earlier would be overwritten by them.
  if (!current.data) return <Message text={current.error} />
  return (
    <form class="adm-card adm-form" onSubmit={submit}>
      <h2>{s('posterTextTitle')}</h2>
      <Field id="poster-title" label={s('posterTitleLine')}>
        <input id="poster-title" maxLength={POSTER_TEXT_LIMITS.titleMax} value={title} placeholder={fallback.title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field id="poster-footer" label={s('posterFooterLine')}>
        <input id="poster-footer" maxLength={POSTER_TEXT_LIMITS.footerMax} value={footer} placeholder={fallback.footer} onInput={(e) => setFooter(e.currentTarget.value)} />
      </Field>
      <p class="adm-hint">{s('posterTextHint')}</p>
      <Message text={save.error} />
      <Message text={save.done} ok />
      <button type="submit" class="adm-primary" disabled={save.busy}>
        {s('save')}
      </button>
    </form>
  )
}
