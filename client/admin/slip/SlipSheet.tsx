import type { ComponentChildren } from 'preact'
import type { AssignmentView, ItemDetail } from '../../../shared/admin-api'
import { categoryLabel } from '../../../shared/categories'
import { formatDate } from '../../../shared/time'
import { useCategories } from '../categories'
import { colon, fill } from '../format'
import { useText } from '../use-text'

/** Empty ruled lines to write on. */
function Lines({ count }: { count: number }) {
  return (
    <div class="slip-lines">
      {Array.from({ length: count }, (_, i) => (
        <span key={i} />
      ))}
    </div>
  )
}

/**
 * The A4 交办单 of one dispatch, for units that work on paper: the item as the union classified
 * it, who acts by when, the union's and the leaders' instructions, then room for the result and
 * the signatures. Never the submitter: not even an officer's copy names them.
 */
export function SlipSheet({ item, assignment }: { item: ItemDetail; assignment: AssignmentView }) {
  const { lang, s } = useText()
  const categories = useCategories()
  const instructions = item.events.filter((e) => e.kind === 'instruct' && e.note)
  const pair = (label: string, value: ComponentChildren, label2: string, value2: ComponentChildren) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
      <th scope="row">{label2}</th>
      <td>{value2}</td>
    </tr>
  )
  const wide = (label: string, value: ComponentChildren, className?: string) => (
    <tr class={className}>
      <th scope="row">{label}</th>
      <td colSpan={3}>{value}</td>
    </tr>
  )
  return (
    <article class="slip">
      <h1>{s('slipTitle')}</h1>
      <p class="slip-number">
        {s('slipNumber')}
        {colon(lang)}
        {item.number}
      </p>
      <table class="slip-table">
        <colgroup>
          <col class="slip-label" />
          <col />
          <col class="slip-label" />
          <col />
        </colgroup>
        <tbody>
          {pair(s('category'), categoryLabel(item.category, lang, categories), s('slipReceived'), formatDate(item.receivedAt, lang))}
          {wide(s('summary'), item.summary ?? '')}
          {wide(s('content'), <p class="slip-text">{item.content}</p>)}
          {pair(s('dispatchUnit'), assignment.unit.name, s('deadline'), <strong>{formatDate(assignment.deadline, lang)}</strong>)}
          {pair(s('leader'), assignment.leader.displayName, s('responsible'), assignment.responsible.displayName)}
          {wide(s('slipUnionNote'), assignment.instructions ? <p class="slip-text">{assignment.instructions}</p> : <Lines count={2} />)}
          {wide(
            s('slipLeaderNote'),
            instructions.length ? (
              instructions.map((e) => (
                <p key={e.id} class="slip-text">
                  {e.note}
                  <span class="slip-by">
                    {[e.actor.name, formatDate(e.at, lang)].filter(Boolean).join(' ')}
                  </span>
                </p>
              ))
            ) : (
              <Lines count={2} />
            ),
          )}
          {wide(s('slipResult'), <Lines count={7} />, 'slip-result')}
          {pair(s('slipResponsibleSign'), '', s('slipDate'), '')}
          {pair(s('slipLeaderSign'), '', s('slipDate'), '')}
        </tbody>
      </table>
      <p class="slip-footer">{s('slipFooter')}</p>
      <p class="slip-printed">{fill(s('slipPrinted'), { date: formatDate(new Date().toISOString(), lang) })}</p>
    </article>
  )
}
