import type { EntryPointView, ScanCounts } from '../../../shared/admin-api'
import { categoryLabel } from '../../../shared/categories'
import { SCAN_DAYS_MAX } from '../../../shared/limits'
import { api, queryString } from '../api'
import { useCategories } from '../categories'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { FigureBreakdown } from './FigureBreakdown'
import type { Scope } from './links'
import { MonthTrend } from './MonthTrend'
import { scanWindow } from './period'
import { OverdueByUnit } from './OverdueByUnit'
import { ScanBreakdown } from './ScanBreakdown'
import { useBreakdown } from './use-stats'

/** The breakdowns, each a table with its chart: unit, overdue by unit, category, QR point, month, scans. */
export function Breakdowns({ scope, canListPoints }: { scope: Scope; canListPoints: boolean }) {
  const { s, lang } = useText()
  const categories = useCategories()
  const scanPeriod = scanWindow(scope, SCAN_DAYS_MAX)
  const scans = useLoad(() => api.get<ScanCounts>(`/api/admin/scans${queryString({ from: scanPeriod.from, to: scanPeriod.to, unitId: scope.unitId })}`), [scanPeriod.from, scanPeriod.to, scope.unitId])
  // The inbox filters by a QR point's code: officers list the points, the scans name those scanned.
  const points = useLoad(() => (canListPoints ? api.get<EntryPointView[]>('/api/admin/entry-points') : Promise.resolve([])), [canListPoints])
  const units = useBreakdown('unit', scope)
  const categoryRows = useBreakdown('category', scope)
  const pointRows = useBreakdown('entryPoint', scope)
  const codes = new Map([...(scans.data?.points ?? []), ...(points.data ?? [])].map((p) => [p.id, p.code]))
  return (
    <>
      <FigureBreakdown id="unit" rows={units} title={s('byUnit')} scope={scope} view={{ name: (r) => r.name, filter: (r) => ({ unitId: r.key }) }} />
      <OverdueByUnit scope={scope} rows={units} />
      <FigureBreakdown
        id="category"
        rows={categoryRows}
        title={s('byCategory')}
        scope={scope}
        view={{ name: (r) => categoryLabel(r.key, lang, categories), filter: (r) => ({ category: r.key }) }}
      />
      <FigureBreakdown
        id="entryPoint"
        rows={pointRows}
        title={s('byEntryPoint')}
        scope={scope}
        view={{ name: (r) => r.name, filter: (r) => (codes.has(r.key) ? { entryPoint: codes.get(r.key)! } : null) }}
      />
      <MonthTrend scope={scope} />
      <ScanBreakdown scope={scope} scans={scans} period={scanPeriod} />
    </>
  )
}
