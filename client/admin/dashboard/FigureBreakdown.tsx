import { COUNTS } from '../../../shared/rates'
import type { Breakdown } from '../../../shared/schemas/stats-query'
import { Message } from '../ui/Message'
import { useText } from '../use-text'
import { BreakdownSection } from './BreakdownSection'
import { BreakdownTable } from './BreakdownTable'
import { countChart, figureColumns, figureRows, type RowView } from './breakdown-rows'
import type { Scope } from './links'
import { useBreakdown } from './use-stats'

/** Every figure per group in a table, the items received per group as bars. */
export function FigureBreakdown({ id, by, title, scope, view }: { id: string; by: Breakdown; title: string; scope: Scope; view: RowView }) {
  const { s, l } = useText()
  const rows = useBreakdown(by, scope)
  const data = rows.data ?? []
  return (
    <BreakdownSection id={id} title={title} chart={rows.data ? countChart(data, scope, view, 'received', l(COUNTS.received.label)) : null}>
      {rows.error && <Message text={rows.error} />}
      {rows.data && <BreakdownTable caption={title} nameHeader={s('nameColumn')} columns={figureColumns(l)} rows={figureRows(data, scope, view)} />}
    </BreakdownSection>
  )
}
