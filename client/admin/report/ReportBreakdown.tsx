import type { BreakdownRow } from '../../../shared/admin-api'
import { categoryLabel } from '../../../shared/categories'
import { COUNTS, RATES } from '../../../shared/rates'
import { useCategories } from '../categories'
import { percent } from '../format'
import { useText } from '../use-text'
import { ReportTable } from './ReportTable'

/** The month's counts and two rates per category or per unit one level down, most items first. */
export function ReportBreakdown({ rows, by }: { rows: BreakdownRow[]; by: 'category' | 'unit' }) {
  const { s, l, lang } = useText()
  const categories = useCategories()
  const name = (row: BreakdownRow) => (by === 'category' ? categoryLabel(row.key, lang, categories) : row.name)
  return (
    <ReportTable
      head={[
        s(by === 'category' ? 'category' : 'unit'),
        l(COUNTS.received.label),
        l(COUNTS.open.label),
        l(COUNTS.overdue.label),
        l(COUNTS.proposals.label),
        l(RATES.replyRate.label),
        l(RATES.satisfactionRate.label),
      ]}
      rows={rows.map((row) => [name(row), row.received, row.open, row.overdue, row.proposals, percent(row.replyRate), percent(row.satisfactionRate)])}
      numeric={[1, 2, 3, 4, 5, 6]}
    />
  )
}
