import type { AssignmentView } from '../../../shared/admin-api'
import { OUTCOME_LABELS } from '../../../shared/outcomes'
import type { PhotoView } from '../../../shared/photos'
import { formatDate, formatTime } from '../../../shared/time'
import { slipHref } from '../route'
import { useText } from '../use-text'
import { PhotoStrip } from './PhotoStrip'
import { assignmentPhotos } from './photos'

/** Each dispatch: to which unit, who supervises, who is responsible, by when, what came back (with its photos), and its 交办单 to print. */
export function Assignments({ itemId, assignments, photos }: { itemId: string; assignments: AssignmentView[]; photos: readonly PhotoView[] }) {
  const { lang, s, l } = useText()
  if (!assignments.length) return null
  return (
    <section class="adm-card">
      <h2>{s('assignments')}</h2>
      <ul class="adm-assignments">
        {assignments.map((a) => (
          <li key={a.id} class={a.overdue ? 'adm-assignment adm-row-overdue' : 'adm-assignment'}>
            <p class="adm-row-top">
              <strong>{a.unit.name}</strong>
              <span class={a.state === 'open' ? 'adm-status adm-status-dispatched' : 'adm-status adm-status-reported'}>
                {a.state === 'open' ? s('open') : s('reported')}
              </span>
              {a.overdue && <span class="adm-badge adm-badge-overdue">{s('overdue')}</span>}
              <a class="adm-slip-link" href={slipHref(itemId, a.id)}>
                {s('printSlip')}
              </a>
            </p>
            <dl class="adm-dl">
              <div>
                <dt>{s('leader')}</dt>
                <dd>{a.leader.displayName}</dd>
              </div>
              <div>
                <dt>{s('responsible')}</dt>
                <dd>{a.responsible.displayName}</dd>
              </div>
              <div>
                <dt>{s('deadline')}</dt>
                <dd>{formatDate(a.deadline, lang)}</dd>
              </div>
              {a.instructions && (
                <div>
                  <dt>{s('instructions')}</dt>
                  <dd class="adm-pre">{a.instructions}</dd>
                </div>
              )}
              {a.outcome && (
                <div>
                  <dt>{s('outcome')}</dt>
                  <dd>
                    {l(OUTCOME_LABELS[a.outcome])}
                    {a.reportedAt && ` · ${formatTime(a.reportedAt, lang)}`}
                  </dd>
                </div>
              )}
              {a.reportText && (
                <div>
                  <dt>{s('reportText')}</dt>
                  <dd class="adm-pre">{a.reportText}</dd>
                </div>
              )}
            </dl>
            <PhotoStrip photos={assignmentPhotos(a.id, photos)} label={s('photoReport')} />
          </li>
        ))}
      </ul>
    </section>
  )
}
