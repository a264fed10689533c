import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 办结: the answer is given, the loop is closed. */
export function CloseForm({ act, action }: FormProps<'close'>) {
  const { s } = useText()
  return (
    <ActionForm action={action} title={s('close')} onSubmit={() => act(action, {})}>
      <p class="adm-hint">{s('closeHint')}</p>
    </ActionForm>
  )
}
