import { COUNTS, RATES } from '../../../shared/rates'
import { percent } from '../format'
import { Message } from '../ui/Message'
import { useText } from '../use-text'
import { BreakdownSection } from './BreakdownSection'
import { BreakdownTable } from './BreakdownTable'
import { scopedInboxHref, type Scope } from './links'
import { monthPeriod, trendPeriod } from './period'
import { useBreakdown } from './use-stats'

/** Items received and the reply rate per month, over the twelve months ending with the period. */
export function MonthTrend({ scope }: { scope: Scope }) {
  const { s, l } = useText()
  const window = { ...scope, ...trendPeriod(scope) }
  const rows = useBreakdown('month', window)
  // The server lists the busiest first; a trend reads in time order.
  const months = [...(rows.data ?? [])].sort((a, b) => a.key.localeCompare(b.key))
  const hrefs = months.map((r) => scopedInboxHref({ ...scope, ...monthPeriod(r.key) }))
  const received = l(COUNTS.received.label)
  const replyRate = l(RATES.replyRate.label)
  const chart = {
    labels: months.map((r) => r.key),
    hrefs,
    series: [
      { name: received, type: 'bar' as const, values: months.map((r) => r.received) },
      { name: replyRate, type: 'line' as const, values: months.map((r) => r.replyRate), percent: true },
    ],
  }
  return (
    <BreakdownSection id="month" title={s('byMonth')} chart={rows.data ? chart : null}>
      {rows.error && <Message text={rows.error} />}
      {rows.data && (
        <BreakdownTable
          caption={s('byMonth')}
          nameHeader={s('month')}
          columns={[received, replyRate]}
          rows={months.map((r, i) => ({ key: r.key, name: r.key, href: hrefs[i]!, cells: [String(r.received), percent(r.replyRate)] }))}
        />
      )}
    </BreakdownSection>
  )
}
