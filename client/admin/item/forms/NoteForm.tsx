import { useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** An internal note on the timeline; the worker never sees it. */
export function NoteForm({ act, action }: FormProps<'note'>) {
  const { s } = useText()
  const [text, setText] = useState('')
  return (
    <ActionForm action={action} title={s('noteTitle')} onSubmit={() => act(action, { text })}>
      <Field id="note-text" label={s('noteText')}>
        <textarea id="note-text" rows={3} maxLength={ADMIN_LIMITS.textMax} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
    </ActionForm>
  )
}
