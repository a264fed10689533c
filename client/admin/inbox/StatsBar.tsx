import type { Stats } from '../../../shared/admin-api'
import { FIGURES, RATES, type FigureName } from '../../../shared/rates'
import { RATING_LABELS, RATINGS } from '../../../shared/ratings'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { STATUSES } from '../../../shared/lifecycle'
import { api } from '../api'
import { percent } from '../format'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'

/** How a figure reads: rates as percentages, the median in days to one decimal. */
function shown(name: FigureName, data: Stats, s: (key: 'days') => string): string {
  const value = data[name]
  if (name in RATES) return percent(value)
  if (name === 'medianDaysToReply') return value === null ? '—' : `${Math.round(value * 10) / 10} ${s('days')}`
  return String(value)
}

/** The field report's figures over the reviewer's scope, rates first; each says what it counts on hover. */
export function StatsBar() {
  const { s, l } = useText()
  const { data, error } = useLoad(() => api.get<Stats>('/api/admin/items/stats'), [])
  if (error) return <Message text={error} />
  if (!data) return null
  return (
    <section class="adm-stats" aria-label={s('stats')}>
      <dl class="adm-figures">
        {(Object.keys(FIGURES) as FigureName[]).map((name) => (
          <div key={name} class={name === 'overdue' && data.overdue > 0 ? 'adm-figure adm-alarm' : 'adm-figure'} title={l(FIGURES[name].definition)}>
            <dt>{l(FIGURES[name].label)}</dt>
            <dd>{shown(name, data, s)}</dd>
          </div>
        ))}
      </dl>
      <p class="adm-counts">
        {STATUSES.filter((st) => data.byStatus[st] > 0).map((st) => (
          <span key={st}>
            {l(STATUS_LABELS[st])} {data.byStatus[st]}
          </span>
        ))}
        {RATINGS.some((r) => data.byRating[r] > 0) && (
          <span>
            {s('satisfaction')} {RATINGS.map((r) => `${l(RATING_LABELS[r])} ${data.byRating[r]}`).join(' · ')}
          </span>
        )}
      </p>
    </section>
  )
}
