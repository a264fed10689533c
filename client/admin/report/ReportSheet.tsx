import type { Me } from '../../../shared/admin-api'
import { FIGURES, type FigureName } from '../../../shared/rates'
import { monthDays, type MonthlyReport } from '../../../shared/report'
import { formatDate, formatTime } from '../../../shared/time'
import { fill } from '../format'
import { useText } from '../use-text'
import { ReportBreakdown } from './ReportBreakdown'
import { ReportFigures } from './ReportFigures'
import { ClosedList, MoreLines, OverdueList, ProposalList } from './ReportLists'
import { monthLabel } from './report-query'

/** The report as it goes on paper (A4 portrait, the named page `report` in report.css). */
export function ReportSheet({ report, me }: { report: MonthlyReport; me: Me }) {
  const { s, l, lang } = useText()
  const { from, to } = monthDays(report.month)
  const day = (d: string) => formatDate(`${d}T12:00:00+08:00`, lang)
  const title = fill(s('monthlyTitle'), { union: fill(s('reportUnion'), { unit: report.unit.name }), month: monthLabel(report.month, lang) })
  return (
    <article class="report">
      <h1>{title}</h1>
      <p class="report-scope">{fill(s('reportScope'), { unit: report.unit.name, from: day(from), to: day(to), prev: monthLabel(report.previousMonth, lang) })}</p>
      <ReportFigures stats={report.stats} previous={report.previous} />
      <h2>{s('reportByCategory')}</h2>
      <ReportBreakdown rows={report.byCategory} by="category" />
      <h2>{s('reportByUnit')}</h2>
      <ReportBreakdown rows={report.byUnit} by="unit" />
      <h2>{s('reportProposals')}</h2>
      <ProposalList items={report.proposals} />
      <MoreLines shown={report.proposals.length} total={report.totals.proposals} />
      <h2>{fill(s('reportOverdue'), { date: formatDate(report.cutoff, lang) })}</h2>
      <p class="report-note">{s('reportOverdueNote')}</p>
      <OverdueList items={report.overdue} />
      <MoreLines shown={report.overdue.length} total={report.totals.overdue} />
      <h2>{s('reportClosed')}</h2>
      <ClosedList items={report.closed} />
      <MoreLines shown={report.closed.length} total={report.totals.closed} />
      <section class="report-notes">
        <h2>{s('reportNotes')}</h2>
        <dl>
          {(Object.keys(FIGURES) as FigureName[]).map((name) => (
            <div key={name}>
              <dt>{l(FIGURES[name].label)}</dt>
              <dd>{l(FIGURES[name].definition)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p class="report-footer">{fill(s('reportMadeBy'), { name: me.displayName, at: formatTime(new Date().toISOString(), lang) })}</p>
    </article>
  )
}
