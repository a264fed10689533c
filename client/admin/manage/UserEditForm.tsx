import { useState } from 'preact/hooks'
import type { UnitView, UserView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import type { Role } from '../../../shared/roles'
import { api } from '../api'
import { Field } from '../ui/Field'
import { Message } from '../ui/Message'
import { UnitOptions } from '../ui/UnitOptions'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { RoleSelect } from './RoleSelect'

interface Props {
  user: UserView
  /** The admin's own account: its role, unit and active flag stay (the server refuses a self-lockout). */
  self: boolean
  units: UnitView[]
  onSaved: (u: UserView) => void
  onCancel: () => void
}

export function UserEditForm({ user, self, units, onSaved, onCancel }: Props) {
  const { s } = useText()
  const [displayName, setDisplayName] = useState(user.displayName)
  const [role, setRole] = useState<Role>(user.role)
  const [unitId, setUnitId] = useState(user.unit.id)
  const [active, setActive] = useState(user.active)
  const [password, setPassword] = useState('')
  const { busy, error, run } = useSubmit()
  const id = (name: string) => `edit-${user.id}-${name}`
  const submit = (e: Event) => {
    e.preventDefault()
    const change = { displayName, role, unitId, active, ...(password ? { password } : {}) }
    void run(async () => onSaved(await api.patch<UserView>(`/api/admin/users/${user.id}`, change)))
  }
  return (
    <form class="adm-form adm-inline-form" onSubmit={submit}>
      <div class="adm-form-grid">
        <Field id={id('name')} label={s('displayName')}>
          <input id={id('name')} required maxLength={ADMIN_LIMITS.displayNameMax} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </Field>
        <RoleSelect id={id('role')} value={role} onChange={setRole} disabled={self} />
        <Field id={id('unit')} label={s('unit')}>
          <select id={id('unit')} value={unitId} disabled={self} onChange={(e) => setUnitId(e.currentTarget.value)}>
            <UnitOptions units={units} />
          </select>
        </Field>
        <Field id={id('password')} label={s('resetPassword')} hint={s('newPasswordFor')}>
          <input
            id={id('password')}
            type="password"
            autocomplete="new-password"
            minLength={ADMIN_LIMITS.passwordMin}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
      </div>
      <label class="adm-check">
        <input type="checkbox" checked={active} disabled={self} onChange={(e) => setActive(e.currentTarget.checked)} />
        {s('active')}
      </label>
      <Message text={error} />
      <div class="adm-buttons">
        <button type="submit" class="adm-primary" disabled={busy}>
          {s('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {s('cancel')}
        </button>
      </div>
    </form>
  )
}
