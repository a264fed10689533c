import type { UnitView } from '../../../shared/admin-api'
import { api } from '../api'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { UnitCreateForm } from './UnitCreateForm'
import { UnitRow } from './UnitRow'

/** The organisation tree of the admin's subtree: create under a parent, rename, delete empty units. */
export function Units() {
  const { s } = useText()
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  const list = units.data ?? []
  const base = Math.min(...list.map((u) => u.path.length))
  return (
    <section class="adm-manage">
      <h1>{s('unitsTitle')}</h1>
      <Message text={units.error} />
      <ul class="adm-list adm-tree">
        {list.map((u) => (
          <UnitRow key={u.id} unit={u} depth={u.path.length - base} onChanged={units.reload} />
        ))}
      </ul>
      <UnitCreateForm units={list} onCreated={units.reload} />
    </section>
  )
}
