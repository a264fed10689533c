import type { ReportClosed, ReportItem, ReportOverdue } from '../../../shared/report'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { formatDate } from '../../../shared/time'
import { fill } from '../format'
import { useText } from '../use-text'
import { ReportTable } from './ReportTable'

/** The 合理化建议 received in the month: number, what it says, where, where it stands. */
export function ProposalList({ items }: { items: ReportItem[] }) {
  const { s, l } = useText()
  return <ReportTable head={[s('reportNumber'), s('reportItem'), s('unit'), s('status')]} rows={items.map((i) => [i.number, i.line, i.unit.name, l(STATUS_LABELS[i.status])])} />
}

/** Dispatches past their deadline and not reported at the cut-off, oldest deadline first. */
export function OverdueList({ items }: { items: ReportOverdue[] }) {
  const { s, lang } = useText()
  return (
    <ReportTable
      head={[s('reportNumber'), s('reportItem'), s('reportReceivedAt'), s('reportAssignedTo'), s('reportDeadline'), s('reportDaysOverdue')]}
      rows={items.map((i) => [i.number, i.line, i.unit.name, i.assignedUnit.name, formatDate(i.deadline, lang), i.daysOverdue])}
      numeric={[5]}
    />
  )
}

/** The items closed (办结) in the month, one line each. */
export function ClosedList({ items }: { items: ReportClosed[] }) {
  const { s, lang } = useText()
  return (
    <ReportTable head={[s('reportNumber'), s('reportItem'), s('unit'), s('reportClosedOn')]} rows={items.map((i) => [i.number, i.line, i.unit.name, formatDate(i.closedAt, lang)])} />
  )
}

/** Under a list cut at its first lines: how many there are in all (the inbox has every one). */
export function MoreLines({ shown, total }: { shown: number; total: number }) {
  const { s } = useText()
  if (total <= shown) return null
  return <p class="report-note">{fill(s('reportMoreLines'), { shown: String(shown), total: String(total) })}</p>
}
