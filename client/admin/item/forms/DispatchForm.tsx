import { useState } from 'preact/hooks'
import type { StaffView, UnitView } from '../../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { todayInChina } from '../../../../shared/time'
import { api } from '../../api'
import { withNote } from '../../format'
import { Field } from '../../ui/Field'
import { Message } from '../../ui/Message'
import { UnitOptions } from '../../ui/UnitOptions'
import { useLoad } from '../../ui/use-load'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import type { FormProps } from './types'

/** 交办: to a unit, with its supervising leader, responsible person, deadline and instructions. */
export function DispatchForm({ act, action }: FormProps<'dispatch'>) {
  const { s, lang } = useText()
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  const staff = useLoad(() => api.get<StaffView[]>('/api/admin/users'), [])
  const [unitId, setUnitId] = useState('')
  const [leaderId, setLeaderId] = useState('')
  const [responsibleId, setResponsibleId] = useState('')
  const [deadline, setDeadline] = useState('')
  const [instructions, setInstructions] = useState('')
  const people = staff.data ?? []
  // People of the chosen unit first: usually the one meant.
  const byRole = (role: StaffView['role']) =>
    people.filter((p) => p.role === role).sort((a, b) => Number(b.unit.id === unitId) - Number(a.unit.id === unitId))
  const chooseUnit = (id: string) => {
    setUnitId(id)
    const local = people.filter((p) => p.unit.id === id && p.role === 'handler')
    if (local.length === 1 && !responsibleId) setResponsibleId(local[0]!.id)
  }
  const personSelect = (id: string, label: string, value: string, set: (v: string) => void, list: StaffView[]) => (
    <Field id={id} label={label}>
      <select id={id} required value={value} onChange={(e) => set(e.currentTarget.value)}>
        <option value="">{s('choose')}</option>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {withNote(p.displayName, p.unit.name, lang)}
          </option>
        ))}
      </select>
    </Field>
  )
  const body = { unitId, leaderId, responsibleId, deadline, ...(instructions.trim() ? { instructions } : {}) }
  return (
    <ActionForm action={action} title={s('dispatchTitle')} onSubmit={() => act(action, body)}>
      <Message text={units.error || staff.error} />
      <Field id="dispatch-unit" label={s('dispatchUnit')}>
        <select id="dispatch-unit" required value={unitId} onChange={(e) => chooseUnit(e.currentTarget.value)}>
          <option value="">{s('choose')}</option>
          <UnitOptions units={units.data ?? []} />
        </select>
      </Field>
      {personSelect('dispatch-leader', s('leader'), leaderId, setLeaderId, byRole('leader'))}
      {personSelect('dispatch-responsible', s('responsible'), responsibleId, setResponsibleId, byRole('handler'))}
      <Field id="dispatch-deadline" label={s('deadline')}>
        <input id="dispatch-deadline" type="date" required min={todayInChina()} value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
      </Field>
      <Field id="dispatch-instructions" label={s('instructions')}>
        <textarea
          id="dispatch-instructions"
          rows={3}
          maxLength={ADMIN_LIMITS.textMax}
          value={instructions}
          onInput={(e) => setInstructions(e.currentTarget.value)}
        />
      </Field>
    </ActionForm>
  )
}
