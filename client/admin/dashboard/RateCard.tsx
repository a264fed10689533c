import { FIGURES, type RateName } from '../../../shared/rates'
import { fill, percent } from '../format'
import { useText } from '../use-text'
import { COUNT_FILTERS, scopedInboxHref, type Scope } from './links'
import { Trend } from './Trend'

/** One rate: its value, a bar showing the gap to the 100% target, the previous period beside it. */
export function RateCard({ name, value, previous, scope }: { name: RateName; value: number | null; previous: number | null | undefined; scope: Scope }) {
  const { s, l } = useText()
  const figure = FIGURES[name]
  const gap = value === null ? null : Math.round((1 - value) * 1000) / 10
  const defId = `def-${name}`
  return (
    <article class="dash-rate" data-figure={name}>
      <h2 class="dash-label">
        <a href={scopedInboxHref(scope, COUNT_FILTERS[name])} title={s('showInInbox')} aria-describedby={defId}>
          {l(figure.label)}
        </a>
      </h2>
      <p class="dash-value">{percent(value)}</p>
      <div class="dash-bar" role="img" aria-label={`${l(figure.label)} ${percent(value)} / ${s('target')}`}>
        <span style={{ width: `${value === null ? 0 : Math.min(100, value * 100)}%` }} />
      </div>
      <p class="dash-gap">{gap === null ? s('target') : gap <= 0 ? s('atTarget') : fill(s('gapToTarget'), { gap: String(gap) })}</p>
      {previous !== undefined && (
        <p class="dash-prev">
          {fill(s('previous'), { value: percent(previous) })} <Trend now={value} before={previous} points />
        </p>
      )}
      <p class="dash-def" id={defId}>
        {l(figure.definition)}
      </p>
    </article>
  )
}
