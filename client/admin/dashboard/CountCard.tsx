import { FIGURES, type CountName, type DurationName } from '../../../shared/rates'
import { fill } from '../format'
import { useText } from '../use-text'
import { COUNT_FILTERS, scopedInboxHref, type Scope } from './links'
import { Trend } from './Trend'

/** One count or the median: its value, the previous period's, and a link to the items it counts where the inbox can filter them. */
export function CountCard(props: { name: CountName | DurationName; value: number | null; previous: number | null | undefined; shown: (n: number | null) => string; scope: Scope }) {
  const { name, value, previous, shown, scope } = props
  const { s, l } = useText()
  const figure = FIGURES[name]
  const filter = COUNT_FILTERS[name]
  const defId = `def-${name}`
  return (
    <article class="dash-count" data-figure={name} title={l(figure.definition)}>
      <h2 class="dash-label">
        {filter ? (
          <a href={scopedInboxHref(scope, filter)} aria-describedby={defId}>
            {l(figure.label)}
          </a>
        ) : (
          <span aria-describedby={defId}>{l(figure.label)}</span>
        )}
      </h2>
      <p class="dash-value">{shown(value)}</p>
      {previous !== undefined && (
        <p class="dash-prev">
          {fill(s('previous'), { value: shown(previous) })} <Trend now={value} before={previous} />
        </p>
      )}
      <p class="dash-def" id={defId}>
        {l(figure.definition)}
      </p>
    </article>
  )
}
