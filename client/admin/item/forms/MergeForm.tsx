import { useState } from 'preact/hooks'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 合并: this item is a duplicate of another, whose answer its worker will follow. */
export function MergeForm({ act, action }: FormProps<'merge'>) {
  const { s } = useText()
  const [into, setInto] = useState('')
  return (
    <ActionForm action={action} title={s('mergeTitle')} onSubmit={() => act(action, { into: into.trim() })}>
      <Field id="merge-into" label={s('mergeInto')} hint={s('mergeHint')}>
        <input id="merge-into" required autocomplete="off" spellcheck={false} value={into} onInput={(e) => setInto(e.currentTarget.value)} />
      </Field>
    </ActionForm>
  )
}
