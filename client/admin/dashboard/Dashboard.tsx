import type { Me, UnitView } from '../../../shared/admin-api'
import { api } from '../api'
import { navigate } from '../route'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { Breakdowns } from './Breakdowns'
import { Headline } from './Headline'
import { dashboardHref, parseDashQuery } from './dashboard-query'
import { ScopeForm } from './ScopeForm'
import './dashboard.css'

/** The union's figures at a glance for officers and leaders: this month, all their units, by default. */
export function Dashboard({ me, query }: { me: Me; query: string }) {
  const { s } = useText()
  const view = parseDashQuery(query)
  const scope = { from: view.from, to: view.to, unitId: view.unitId }
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  return (
    <div class="dash">
      <h1 class="dash-title">{s('dashTitle')}</h1>
      <ScopeForm view={view} units={units.data ?? []} onChange={(next) => navigate(dashboardHref(next))} />
      <Headline scope={scope} />
      <Breakdowns scope={scope} canListPoints={me.role === 'officer'} />
    </div>
  )
}
