import type { BreakdownRow } from '../../../shared/admin-api'
import { COUNTS } from '../../../shared/rates'
import { Message } from '../ui/Message'
import { useText } from '../use-text'
import { BreakdownSection } from './BreakdownSection'
import { BreakdownTable } from './BreakdownTable'
import { countChart, type RowView } from './breakdown-rows'
import { scopedInboxHref, type Scope } from './links'
import type { Loaded } from './use-stats'

const VIEW: RowView = { name: (r) => r.name, filter: (r) => ({ unitId: r.key, overdue: '1' }) }

/** The units with items overdue, most first: who to call this week. */
export function OverdueByUnit({ scope, rows }: { scope: Scope; rows: Loaded<BreakdownRow[]> }) {
  const { s, l } = useText()
  const late = (rows.data ?? []).filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue)
  const label = l(COUNTS.overdue.label)
  return (
    <BreakdownSection id="overdue" title={s('overdueByUnit')} chart={rows.data ? countChart(late, scope, VIEW, 'overdue', label) : null}>
      {rows.error && <Message text={rows.error} />}
      {rows.data && (
        <BreakdownTable
          caption={s('overdueByUnit')}
          nameHeader={s('dashUnit')}
          columns={[label]}
          rows={late.map((r) => ({ key: r.key, name: r.name, href: scopedInboxHref(scope, VIEW.filter(r)!), cells: [String(r.overdue)] }))}
        />
      )}
    </BreakdownSection>
  )
}
