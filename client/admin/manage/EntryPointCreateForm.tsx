import { useState } from 'preact/hooks'
import type { EntryPointView, UnitView } from '../../../shared/admin-api'
import { ADMIN_LIMITS, ENTRY_POINT_CODE_PATTERN } from '../../../shared/limits'
import { api } from '../api'
import { Field } from '../ui/Field'
import { FormFooter } from '../ui/FormFooter'
import { UnitField } from '../ui/UnitField'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

export function EntryPointCreateForm({ units, onCreated }: { units: UnitView[]; onCreated: (ep: EntryPointView) => void }) {
  const { s } = useText()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [unitId, setUnitId] = useState('')
  const { busy, error, done, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      onCreated(await api.post<EntryPointView>('/api/admin/entry-points', { code, name, unitId }))
      setCode('')
      setName('')
      return s('saved')
    })
  }
  return (
    <form class="adm-card adm-form" onSubmit={submit}>
      <h2>{s('newEntryPoint')}</h2>
      <div class="adm-form-grid">
        <Field id="ep-code" label={s('epCode')}>
          <input id="ep-code" required pattern={ENTRY_POINT_CODE_PATTERN} autocapitalize="none" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
        </Field>
        <Field id="ep-name" label={s('epName')}>
          <input id="ep-name" required maxLength={ADMIN_LIMITS.entryPointNameMax} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <UnitField id="ep-unit" label={s('unit')} units={units} value={unitId} onChange={setUnitId} />
      </div>
      <FormFooter busy={busy} error={error} done={done} label={s('create')} />
    </form>
  )
}
