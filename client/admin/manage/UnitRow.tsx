import { useState } from 'preact/hooks'
import type { UnitView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api } from '../api'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { RenameForm } from '../ui/RenameForm'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { kindKey } from './UnitKindSelect'

/** One unit of the tree, indented by depth, with rename and delete. */
export function UnitRow({ unit, depth, onChanged }: { unit: UnitView; depth: number; onChanged: () => void }) {
  const { s } = useText()
  const [renaming, setRenaming] = useState(false)
  const { busy, error, run } = useSubmit()
  const rename = (name: string) => {
    void run(async () => {
      await api.patch(`/api/admin/units/${unit.id}`, { name })
      setRenaming(false)
      onChanged()
    })
  }
  const remove = () => {
    if (!confirm(fill(s('confirmDelete'), { name: unit.name }))) return
    void run(async () => {
      await api.delete(`/api/admin/units/${unit.id}`)
      onChanged()
    })
  }
  const inputId = `unit-name-${unit.id}`
  return (
    <li class="adm-list-row" style={{ paddingInlineStart: `${0.75 + depth * 1.25}rem` }}>
      {renaming ? (
        <RenameForm id={inputId} label={s('unitName')} initial={unit.name} maxLength={ADMIN_LIMITS.unitNameMax} busy={busy} onSave={rename} onCancel={() => setRenaming(false)} />
      ) : (
        <div class="adm-list-main">
          <strong>{unit.name}</strong>
          <span class="adm-badge">{s(kindKey(unit.kind))}</span>
          <button type="button" class="adm-link-button" onClick={() => setRenaming(true)}>
            {s('rename')}
          </button>
          {depth > 0 && (
            <button type="button" class="adm-link-button adm-danger-text" disabled={busy} onClick={remove}>
              {s('delete')}
            </button>
          )}
        </div>
      )}
      <Message text={error} />
    </li>
  )
}
