import type { Stats } from '../../../shared/admin-api'
import { RATING_LABELS, RATINGS } from '../../../shared/ratings'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { STATUSES } from '../../../shared/lifecycle'
import { api } from '../api'
import { percent } from '../format'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'

/** The field report's targets over the reviewer's scope: reply and implementation rates first. */
export function StatsBar() {
  const { s, l } = useText()
  const { data, error } = useLoad(() => api.get<Stats>('/api/admin/items/stats'), [])
  if (error) return <Message text={error} />
  if (!data) return null
  const figures: Array<[string, string, boolean?]> = [
    [s('replyRate'), percent(data.replyRate)],
    [s('implementationRate'), percent(data.implementationRate)],
    [s('total'), String(data.total)],
    [s('overdueCount'), String(data.overdue), data.overdue > 0],
    [s('proposals'), String(data.proposals)],
  ]
  return (
    <section class="adm-stats" aria-label={s('stats')}>
      <dl class="adm-figures">
        {figures.map(([label, value, alarm]) => (
          <div key={label} class={alarm ? 'adm-figure adm-alarm' : 'adm-figure'}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="adm-counts">
        {STATUSES.filter((st) => data.byStatus[st] > 0).map((st) => (
          <span key={st}>
            {l(STATUS_LABELS[st])} {data.byStatus[st]}
          </span>
        ))}
        {RATINGS.some((r) => data.satisfaction[r] > 0) && (
          <span>
            {s('satisfaction')} {RATINGS.map((r) => `${l(RATING_LABELS[r])} ${data.satisfaction[r]}`).join(' · ')}
          </span>
        )}
      </p>
    </section>
  )
}
