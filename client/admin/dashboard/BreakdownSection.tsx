import type { ComponentChildren } from 'preact'
import { Chart } from './Chart'
import type { ChartSpec } from './chart-spec'

/** A breakdown: its table, and the same rows as a chart beside it (under it on a phone). */
export function BreakdownSection({ id, title, chart, children }: { id: string; title: string; chart: ChartSpec | null; children: ComponentChildren }) {
  return (
    <section class="dash-section" aria-labelledby={`${id}-title`} data-breakdown={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div class="dash-pair">
        <div class="dash-pair-table">{children}</div>
        {chart && chart.labels.length > 0 && <Chart spec={chart} label={title} />}
      </div>
    </section>
  )
}
