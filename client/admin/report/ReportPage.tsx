import type { Me, UnitView } from '../../../shared/admin-api'
import type { MonthlyReport } from '../../../shared/report'
import { api } from '../api'
import { reportHref, navigate } from '../route'
import { Message } from '../ui/Message'
import { UnitOptions } from '../ui/UnitOptions'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { ReportSheet } from './ReportSheet'
import { readReportQuery } from './report-query'
import './report.css'

/** The 月报: a month and a unit to choose, one button to print (or save as PDF), then the sheet itself. */
export function ReportPage({ me, query }: { me: Me; query: string }) {
  const { s } = useText()
  const { month, unitId } = readReportQuery(query)
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  const report = useLoad(() => api.get<MonthlyReport>(`/api/admin/report?month=${month}${unitId ? `&unitId=${unitId}` : ''}`), [month, unitId])
  const go = (next: { month?: string; unitId?: string }) => navigate(reportHref({ month, unitId, ...next }))
  return (
    <div class="report-page">
      <form class="report-bar" onSubmit={(e) => e.preventDefault()}>
        <div class="report-field">
          <label for="report-month">{s('reportMonth')}</label>
          <input id="report-month" type="month" value={month} required onChange={(e) => e.currentTarget.value && go({ month: e.currentTarget.value })} />
        </div>
        <div class="report-field">
          <label for="report-unit">{s('reportUnit')}</label>
          <select id="report-unit" value={unitId || me.unit.id} onChange={(e) => go({ unitId: e.currentTarget.value })}>
            <UnitOptions units={units.data ?? [{ ...me.unit, parentId: null, kind: '', sort: 0 }]} />
          </select>
        </div>
        <button type="button" class="adm-primary" disabled={!report.data} onClick={() => print()}>
          {s('reportPrint')}
        </button>
        <span class="report-hint">{s('reportPrintHint')}</span>
      </form>
      {report.error && <Message text={report.error} />}
      {!report.data && !report.error && <p>{s('loading')}</p>}
      {report.data && report.data.month === month && <ReportSheet report={report.data} me={me} />}
    </div>
  )
}
