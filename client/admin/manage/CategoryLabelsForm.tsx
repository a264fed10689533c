import { useState } from 'preact/hooks'
import { CATEGORY_LIMITS } from '../../../shared/categories'
import { fill } from '../format'
import { Field } from '../ui/Field'
import { FormFooter } from '../ui/FormFooter'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

interface Props {
  /** Prefix of the inputs' ids (one form per row when renaming). */
  id: string
  initial?: { zh: string; en: string }
  title?: string
  button: string
  /** Saves the labels; the form empties itself after a new category, or closes after a rename. */
  onSave(labels: { zh: string; en: string }): Promise<string | void>
  onCancel?(): void
}

/** A category's two labels: the Chinese one required, the English one optional. */
export function CategoryLabelsForm({ id, initial, title, button, onSave, onCancel }: Props) {
  const { s } = useText()
  const [zh, setZh] = useState(initial?.zh ?? '')
  const [en, setEn] = useState(initial?.en ?? '')
  const { busy, error, done, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      const said = await onSave({ zh, en })
      if (!initial) {
        setZh('')
        setEn('')
      }
      return said
    })
  }
  return (
    <form class={initial ? 'adm-inline-form adm-form' : 'adm-card adm-form'} onSubmit={submit}>
      {title && <h2>{title}</h2>}
      <div class="adm-form-grid">
        <Field id={`${id}-zh`} label={s('categoryZh')} hint={fill(s('categoryZhHint'), { max: String(CATEGORY_LIMITS.zhMax) })}>
          <input id={`${id}-zh`} required maxLength={CATEGORY_LIMITS.zhMax + 10} value={zh} onInput={(e) => setZh(e.currentTarget.value)} />
        </Field>
        <Field id={`${id}-en`} label={s('categoryEn')} hint={s('categoryEnHint')}>
          <input id={`${id}-en`} lang="en" maxLength={CATEGORY_LIMITS.enMax + 10} value={en} onInput={(e) => setEn(e.currentTarget.value)} />
        </Field>
      </div>
      <FormFooter busy={busy} error={error} done={done} label={button} />
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {s('cancel')}
        </button>
      )}
    </form>
  )
}
