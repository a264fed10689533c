import { useState } from 'preact/hooks'
import type { ReplyTemplateView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api } from '../api'
import { fill } from '../format'
import { Field } from '../ui/Field'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { ReplyPromiseForm } from './ReplyPromiseForm'

/** The officer's reply templates: its own unit's and those shared from above (read-only: the server says 403). */
export function Templates() {
  const { s } = useText()
  const list = useLoad(() => api.get<ReplyTemplateView[]>('/api/admin/templates'), [])
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const create = useSubmit()
  const remove = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void create.run(async () => {
      const t = await api.post<ReplyTemplateView>('/api/admin/templates', { title, body })
      list.setData([...(list.data ?? []), t])
      setTitle('')
      setBody('')
      return s('saved')
    })
  }
  const del = (t: ReplyTemplateView) => {
    if (!confirm(fill(s('confirmDelete'), { name: t.title }))) return
    void remove.run(async () => {
      await api.delete(`/api/admin/templates/${t.id}`)
      list.setData((list.data ?? []).filter((x) => x.id !== t.id))
    })
  }
  return (
    <section class="adm-manage">
      <ReplyPromiseForm />
      <h1>{s('templatesTitle')}</h1>
      <Message text={list.error || remove.error} />
      {list.data?.length === 0 && <p class="adm-empty">{s('noTemplates')}</p>}
      <ul class="adm-list">
        {(list.data ?? []).map((t) => (
          <li key={t.id} class="adm-list-row">
            <div class="adm-list-main">
              <strong>{t.title}</strong>
              <button type="button" class="adm-link-button adm-danger-text" disabled={remove.busy} onClick={() => del(t)}>
                {s('delete')}
              </button>
            </div>
            <p class="adm-pre">{t.body}</p>
          </li>
        ))}
      </ul>
      <form class="adm-card adm-form" onSubmit={submit}>
        <h2>{s('newTemplate')}</h2>
        <Field id="tpl-title" label={s('templateTitle')}>
          <input id="tpl-title" required maxLength={ADMIN_LIMITS.templateTitleMax} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <Field id="tpl-body" label={s('templateBody')}>
          <textarea id="tpl-body" rows={5} required maxLength={ADMIN_LIMITS.textMax} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </Field>
        <Message text={create.error} />
        <Message text={create.done} ok />
        <button type="submit" class="adm-primary" disabled={create.busy}>
          {s('create')}
        </button>
      </form>
    </section>
  )
}
