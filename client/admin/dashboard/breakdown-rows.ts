import type { BreakdownRow } from '../../../shared/admin-api'
import { COUNTS, RATES, type CountName, type RateName } from '../../../shared/rates'
import type { Text } from '../../i18n/lang'
import { percent } from '../format'
import type { Filters } from '../inbox/filters'
import type { TableRow } from './BreakdownTable'
import type { ChartSpec } from './chart-spec'
import { scopedInboxHref, type Scope } from './links'

const RATE_COLUMNS = Object.keys(RATES) as RateName[]
const COUNT_COLUMNS: CountName[] = ['open', 'overdue', 'proposals']

/** The full breakdown's columns: received, the four rates, then the other counts. */
export function figureColumns(l: (t: Text) => string): string[] {
  return [l(COUNTS.received.label), ...RATE_COLUMNS.map((n) => l(RATES[n].label)), ...COUNT_COLUMNS.map((n) => l(COUNTS[n].label))]
}

/** How a row reads in the table and where it leads: `name` labels it, `filter` narrows the inbox (null: no link). */
export interface RowView {
  name: (row: BreakdownRow) => string
  filter: (row: BreakdownRow) => Filters | null
}

const hrefOf = (scope: Scope, view: RowView, row: BreakdownRow) => {
  const filter = view.filter(row)
  return filter ? scopedInboxHref(scope, filter) : null
}

export function figureRows(rows: BreakdownRow[], scope: Scope, view: RowView): TableRow[] {
  return rows.map((row) => ({
    key: row.key,
    name: view.name(row),
    href: hrefOf(scope, view, row),
    cells: [String(row.received), ...RATE_COLUMNS.map((n) => percent(row[n])), ...COUNT_COLUMNS.map((n) => String(row[n]))],
  }))
}

/** One count per row as bars: received, or overdue. */
export function countChart(rows: BreakdownRow[], scope: Scope, view: RowView, count: CountName, label: string): ChartSpec {
  return {
    labels: rows.map(view.name),
    hrefs: rows.map((row) => hrefOf(scope, view, row)),
    series: [{ name: label, type: 'bar', values: rows.map((row) => row[count]) }],
    horizontal: true,
  }
}
