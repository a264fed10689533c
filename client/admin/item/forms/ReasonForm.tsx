import { useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 不予采纳 (with a reason the worker reads) or 重新办理 (with an internal reason). */
export function ReasonForm({ act, action }: FormProps<'decline' | 'reopen'>) {
  const { s } = useText()
  const [reason, setReason] = useState('')
  const id = `${action}-reason`
  return (
    <ActionForm action={action} title={s(action)} onSubmit={() => act(action, { reason })}>
      <Field id={id} label={s(action === 'decline' ? 'declineReason' : 'reopenReason')}>
        <textarea id={id} rows={3} maxLength={ADMIN_LIMITS.reasonMax} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
    </ActionForm>
  )
}
