import { useState } from 'preact/hooks'
import type { UnitView, UserView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import type { Role } from '../../../shared/roles'
import { api } from '../api'
import { Field } from '../ui/Field'
import { FormFooter } from '../ui/FormFooter'
import { UnitField } from '../ui/UnitField'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { RoleSelect } from './RoleSelect'

export function UserCreateForm({ units, onCreated }: { units: UnitView[]; onCreated: (u: UserView) => void }) {
  const { s } = useText()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>('handler')
  const [unitId, setUnitId] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, done, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      onCreated(await api.post<UserView>('/api/admin/users', { username, displayName, role, unitId, password }))
      setUsername('')
      setDisplayName('')
      setPassword('')
      return s('saved')
    })
  }
  return (
    <form class="adm-card adm-form" onSubmit={submit}>
      <h2>{s('newUser')}</h2>
      <div class="adm-form-grid">
        <Field id="new-username" label={s('username')}>
          <input id="new-username" required autocomplete="off" autocapitalize="none" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </Field>
        <Field id="new-display-name" label={s('displayName')}>
          <input id="new-display-name" required maxLength={ADMIN_LIMITS.displayNameMax} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </Field>
        <RoleSelect id="new-role" value={role} onChange={setRole} />
        <UnitField id="new-unit" label={s('unit')} units={units} value={unitId} onChange={setUnitId} />
        <Field id="new-password" label={s('initialPassword')}>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            required
            minLength={ADMIN_LIMITS.passwordMin}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
      </div>
      <FormFooter busy={busy} error={error} done={done} label={s('create')} />
    </form>
  )
}
