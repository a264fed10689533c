import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 办结: the answer is given, the loop is closed. */
export function CloseForm({ act }: FormProps) {
  const { s } = useText()
  return (
    <ActionForm title={s('close')} button={s('close')} onSubmit={() => act('close', {})}>
      <p class="adm-hint">{s('closeHint')}</p>
    </ActionForm>
  )
}
