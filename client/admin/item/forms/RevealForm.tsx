import { useState } from 'preact/hooks'
import type { StaffView } from '../../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { ROLE_LABELS } from '../../../../shared/roles'
import { api } from '../../api'
import { withNote } from '../../format'
import { Field } from '../../ui/Field'
import { Message } from '../../ui/Message'
import { useLoad } from '../../ui/use-load'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** Shows a named submitter to one handler or leader, with a reason kept on the timeline. */
export function RevealForm({ act, action }: FormProps<'reveal'>) {
  const { s, l, lang } = useText()
  const staff = useLoad(() => api.get<StaffView[]>('/api/admin/users'), [])
  const [userId, setUserId] = useState('')
  const [reason, setReason] = useState('')
  const people = (staff.data ?? []).filter((p) => p.role === 'handler' || p.role === 'leader')
  return (
    <ActionForm action={action} title={s('revealTitle')} onSubmit={() => act(action, { userId, reason })}>
      <Message text={staff.error} />
      <Field id="reveal-user" label={s('revealTo')}>
        <select id="reveal-user" required value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
          <option value="">{s('choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {withNote(p.displayName, `${l(ROLE_LABELS[p.role])} · ${p.unit.name}`, lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reveal-reason" label={s('revealReason')}>
        <textarea id="reveal-reason" rows={2} maxLength={ADMIN_LIMITS.reasonMax} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
    </ActionForm>
  )
}
