import { useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 批示: the supervising leader's instruction, for the handler and the union (never the worker); sent to the unit's work group. */
export function InstructForm({ act, action }: FormProps<'instruct'>) {
  const { s } = useText()
  const [text, setText] = useState('')
  return (
    <ActionForm action={action} title={s('instructTitle')} onSubmit={() => act(action, { text })}>
      <Field id="instruct-text" label={s('instructText')}>
        <textarea id="instruct-text" rows={3} maxLength={ADMIN_LIMITS.textMax} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
    </ActionForm>
  )
}
