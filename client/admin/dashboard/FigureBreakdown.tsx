import { COUNTS } from '../../../shared/rates'
import type { BreakdownRow } from '../../../shared/admin-api'
import { Message } from '../ui/Message'
import { useText } from '../use-text'
import { BreakdownSection } from './BreakdownSection'
import { BreakdownTable } from './BreakdownTable'
import { countChart, figureColumns, figureRows, type RowView } from './breakdown-rows'
import type { Scope } from './links'
import type { Loaded } from './use-stats'

/** Every figure per group in a table, the items received per group as bars. */
export function FigureBreakdown({ id, rows, title, scope, view }: { id: string; rows: Loaded<BreakdownRow[]>; title: string; scope: Scope; view: RowView }) {
  const { s, l } = useText()
  const data = rows.data ?? []
  return (
    <BreakdownSection id={id} title={title} chart={rows.data ? countChart(data, scope, view, 'received', l(COUNTS.received.label)) : null}>
      {rows.error && <Message text={rows.error} />}
      {rows.data && <BreakdownTable caption={title} nameHeader={s('nameColumn')} columns={figureColumns(l)} rows={figureRows(data, scope, view)} />}
    </BreakdownSection>
  )
}
