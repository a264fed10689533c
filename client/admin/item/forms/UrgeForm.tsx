import { useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { formatDate } from '../../../../shared/time'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 催办: presses the unit of an overdue or nearly due dispatch; a message goes to its work group. */
export function UrgeForm({ item, act, action }: FormProps<'urge'>) {
  const { s, lang } = useText()
  const due = item.assignments.filter((a) => a.urgeable)
  const [assignmentId, setAssignmentId] = useState(due[0]?.id ?? '')
  const [text, setText] = useState('')
  return (
    <ActionForm action={action} title={s('urgeTitle')} onSubmit={() => act(action, { assignmentId, text })}>
      <p class="adm-hint">{s('urgeHint')}</p>
      {due.length > 1 && (
        <Field id="urge-assignment" label={s('reportAssignment')}>
          <select id="urge-assignment" value={assignmentId} onChange={(e) => setAssignmentId(e.currentTarget.value)}>
            {due.map((a) => (
              <option key={a.id} value={a.id}>
                {a.unit.name} · {a.responsible.displayName} · {formatDate(a.deadline, lang)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="urge-text" label={s('urgeText')}>
        <textarea id="urge-text" rows={2} maxLength={ADMIN_LIMITS.reasonMax} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
    </ActionForm>
  )
}
