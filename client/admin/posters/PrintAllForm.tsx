import { useState } from 'preact/hooks'
import type { EntryPointView } from '../../../shared/admin-api'
import { postersHref } from '../route'
import { useText } from '../use-text'

/** Opens the posters of every active point of one unit (its sub-units' too), or of all. */
export function PrintAllForm({ eps }: { eps: EntryPointView[] }) {
  const { s } = useText()
  const [unitId, setUnitId] = useState('')
  const units = [...new Map(eps.filter((ep) => ep.active).map((ep) => [ep.unit.id, ep.unit])).values()]
  return (
    <div class="adm-form-row adm-print-all">
      <label for="posters-unit">{s('postersOf')}</label>
      <select id="posters-unit" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
        <option value="">{s('allEntryPoints')}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.path.join(' / ')}
          </option>
        ))}
      </select>
      <a class="adm-button" href={postersHref({ unitId: unitId || undefined })}>
        {s('printAllPosters')}
      </a>
    </div>
  )
}
