import { useState } from 'preact/hooks'
import type { UnitView } from '../../../shared/admin-api'
import { api } from '../api'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { kindKey } from './UnitKindSelect'

/** One unit of the tree, indented by depth, with rename and delete. */
export function UnitRow({ unit, depth, onChanged }: { unit: UnitView; depth: number; onChanged: () => void }) {
  const { s } = useText()
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(unit.name)
  const { busy, error, run } = useSubmit()
  const rename = (e: Event) => {
    e.preventDefault()
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
        <form class="adm-list-main" onSubmit={rename}>
          <label for={inputId} class="adm-visually-hidden">
            {s('unitName')}
          </label>
          <input id={inputId} required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="adm-primary" disabled={busy}>
            {s('save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {s('cancel')}
          </button>
        </form>
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
