import type { Stats } from '../../../shared/admin-api'
import { COUNTS, DURATIONS, RATES, type CountName, type RateName } from '../../../shared/rates'
import { fill, percent } from '../format'
import { useText } from '../use-text'
import { pointsChange } from './report-query'
import { ReportTable } from './ReportTable'

const days = (value: number | null) => (value === null ? '—' : String(Math.round(value * 10) / 10))

/** The four rates against the 100% target and last month, then the counts of both months. */
export function ReportFigures({ stats, previous }: { stats: Stats; previous: Stats }) {
  const { s, l } = useText()
  const change = (name: RateName) => {
    const points = pointsChange(stats[name], previous[name])
    if (points === null) return '—'
    if (points === 0) return s('reportSame')
    return `${points > 0 ? '▲' : '▼'} ${fill(s('reportPoints'), { n: String(Math.abs(points)) })}`
  }
  const rates = (Object.keys(RATES) as RateName[]).map((name) => [l(RATES[name].label), percent(stats[name]), '100%', percent(previous[name]), change(name)])
  const counts = [
    ...(Object.keys(COUNTS) as CountName[]).map((name) => [l(COUNTS[name].label), stats[name], previous[name]]),
    [`${l(DURATIONS.medianDaysToReply.label)}（${s('days')}）`, days(stats.medianDaysToReply), days(previous.medianDaysToReply)],
  ]
  return (
    <>
      <h2>{s('reportRates')}</h2>
      <ReportTable head={[s('reportFigure'), s('reportThisMonth'), s('reportTarget'), s('reportLastMonth'), s('reportChange')]} rows={rates} numeric={[1, 2, 3]} />
      <h2>{s('reportCounts')}</h2>
      <ReportTable head={[s('reportFigure'), s('reportThisMonth'), s('reportLastMonth')]} rows={counts} numeric={[1, 2]} />
    </>
  )
}
