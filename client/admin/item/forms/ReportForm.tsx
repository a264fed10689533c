import { useState } from 'preact/hooks'
import type { AssignmentView } from '../../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from '../../../../shared/outcomes'
import { formatDate } from '../../../../shared/time'
import { parseHash } from '../../route'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import { ReportPhotos } from './ReportPhotos'
import type { FormProps } from './types'
import { usePhotoPicks } from './use-photo-picks'

/** 反馈: the unit reports what it did on one open dispatch. */
export function ReportForm({ item, act, me, action }: FormProps<'report'>) {
  const { s, l, lang } = useText()
  // The dispatch a task card came for first, then the reviewer's own; the server decides which they may report on.
  const route = parseHash(location.hash)
  const wanted = route.name === 'item' ? route.report : undefined
  const rank = (a: AssignmentView) => (a.id === wanted ? 2 : 0) + Number(a.responsible.id === me.id)
  const open = item.assignments.filter((a) => a.state === 'open').sort((a, b) => rank(b) - rank(a))
  const [assignmentId, setAssignmentId] = useState(open[0]?.id ?? '')
  const [outcome, setOutcome] = useState<Outcome>('completed')
  const [text, setText] = useState('')
  const photos = usePhotoPicks(item.id)
  return (
    <ActionForm
      action={action}
      title={s('reportTitle')}
      wait={photos.busy ? s('photoWait') : ''}
      onSubmit={() => act(action, { assignmentId, outcome, text, photos: photos.ids })}
    >
      {open.length > 1 && (
        <Field id="report-assignment" label={s('reportAssignment')}>
          <select id="report-assignment" value={assignmentId} onChange={(e) => setAssignmentId(e.currentTarget.value)}>
            {open.map((a) => (
              <option key={a.id} value={a.id}>
                {a.unit.name} · {a.responsible.displayName} · {formatDate(a.deadline, lang)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="report-outcome" label={s('outcome')}>
        <select id="report-outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {l(OUTCOME_LABELS[o])}
            </option>
          ))}
        </select>
      </Field>
      <Field id="report-text" label={s('reportText')}>
        <textarea id="report-text" rows={4} maxLength={ADMIN_LIMITS.textMax} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </Field>
      <ReportPhotos photos={photos} />
    </ActionForm>
  )
}
