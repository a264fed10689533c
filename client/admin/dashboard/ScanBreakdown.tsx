import type { ScanCounts } from '../../../shared/admin-api'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { useText } from '../use-text'
import { BreakdownSection } from './BreakdownSection'
import { BreakdownTable } from './BreakdownTable'
import { scopedInboxHref, type Scope } from './links'
import type { Period } from './period'
import type { Loaded } from './use-stats'

/** How often each QR point under the unit was scanned in the period (its last year at most), busiest first. */
export function ScanBreakdown({ scope, scans, period }: { scope: Scope; scans: Loaded<ScanCounts>; period: Period & { clipped: boolean } }) {
  const { s } = useText()
  const points = [...(scans.data?.points ?? [])].sort((a, b) => b.total - a.total)
  const hrefs = points.map((p) => scopedInboxHref({ ...scope, unitId: '' }, { entryPoint: p.code }))
  const chart = { labels: points.map((p) => p.name), hrefs, series: [{ name: s('scans'), type: 'bar' as const, values: points.map((p) => p.total) }], horizontal: true }
  return (
    <BreakdownSection id="scans" title={s('scansByPoint')} chart={scans.data ? chart : null}>
      {period.clipped && <p class="dash-note">{fill(s('scansClipped'), { from: period.from, to: period.to })}</p>}
      {scans.error && <Message text={scans.error} />}
      {scans.data && (
        <BreakdownTable
          caption={s('scansByPoint')}
          nameHeader={s('entryPoint')}
          columns={[s('scans')]}
          rows={points.map((p, i) => ({ key: p.id, name: p.name, href: hrefs[i]!, cells: [String(p.total)] }))}
        />
      )}
    </BreakdownSection>
  )
}
