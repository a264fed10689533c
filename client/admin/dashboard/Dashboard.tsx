import { useState } from 'preact/hooks'
import type { Me, UnitView } from '../../../shared/admin-api'
import { api } from '../api'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { Breakdowns } from './Breakdowns'
import { Headline } from './Headline'
import type { Scope } from './links'
import { presetPeriod } from './period'
import { ScopeForm } from './ScopeForm'
import './dashboard.css'

/** The union's figures at a glance for officers and leaders: this month, all their units, by default. */
export function Dashboard({ me }: { me: Me }) {
  const { s } = useText()
  const [scope, setScope] = useState<Scope>(() => ({ ...presetPeriod('thisMonth'), unitId: '' }))
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  return (
    <div class="dash">
      <h1 class="dash-title">{s('dashTitle')}</h1>
      <ScopeForm scope={scope} units={units.data ?? []} onChange={setScope} />
      <Headline scope={scope} />
      <Breakdowns scope={scope} canListPoints={me.role === 'officer'} />
    </div>
  )
}
