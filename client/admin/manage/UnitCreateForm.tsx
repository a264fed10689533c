import { useState } from 'preact/hooks'
import type { UnitView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api } from '../api'
import { Field } from '../ui/Field'
import { FormFooter } from '../ui/FormFooter'
import { UnitField } from '../ui/UnitField'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import type { UnitKind } from '../../../shared/unit-kinds'
import { UnitKindSelect } from './UnitKindSelect'

export function UnitCreateForm({ units, onCreated }: { units: UnitView[]; onCreated: () => void }) {
  const { s } = useText()
  const [parentId, setParentId] = useState('')
  const [name, setName] = useState('')
  const [kind, setKind] = useState<UnitKind>('office')
  const { busy, error, done, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      await api.post('/api/admin/units', { parentId, name, kind })
      setName('')
      onCreated()
      return s('saved')
    })
  }
  return (
    <form class="adm-card adm-form" onSubmit={submit}>
      <h2>{s('newUnit')}</h2>
      <div class="adm-form-grid">
        <UnitField id="unit-parent" label={s('parentUnit')} units={units} value={parentId} onChange={setParentId} />
        <Field id="unit-name" label={s('unitName')}>
          <input id="unit-name" required maxLength={ADMIN_LIMITS.unitNameMax} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <UnitKindSelect id="unit-kind" value={kind} onChange={setKind} />
      </div>
      <FormFooter busy={busy} error={error} done={done} label={s('create')} />
    </form>
  )
}
