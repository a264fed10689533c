import { useState } from 'preact/hooks'
import type { Me, UnitView, UserView } from '../../../shared/admin-api'
import { ROLE_LABELS } from '../../../shared/roles'
import { api } from '../api'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { UserCreateForm } from './UserCreateForm'
import { UserEditForm } from './UserEditForm'

/** The admin's accounts of its subtree: list, create, edit one at a time. */
export function Accounts({ me }: { me: Me }) {
  const { s, l } = useText()
  const users = useLoad(() => api.get<UserView[]>('/api/admin/users'), [])
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  const [editing, setEditing] = useState<string | null>(null)
  const replace = (u: UserView) => users.setData((users.data ?? []).map((x) => (x.id === u.id ? u : x)))
  return (
    <section class="adm-manage">
      <h1>{s('usersTitle')}</h1>
      <Message text={users.error || units.error} />
      <ul class="adm-list">
        {(users.data ?? []).map((u) => (
          <li key={u.id} class={u.active ? 'adm-list-row' : 'adm-list-row adm-muted'}>
            <div class="adm-list-main">
              <strong>{u.displayName}</strong>
              <span class="adm-mono">{u.username}</span>
              <span class="adm-badge">{l(ROLE_LABELS[u.role])}</span>
              <span>{u.unit.name}</span>
              {!u.active && <span class="adm-badge adm-badge-overdue">{s('inactive')}</span>}
              <button type="button" class="adm-link-button" onClick={() => setEditing(editing === u.id ? null : u.id)}>
                {s('edit')}
              </button>
            </div>
            {editing === u.id && (
              <UserEditForm
                user={u}
                self={u.id === me.id}
                units={units.data ?? []}
                onSaved={(next) => {
                  replace(next)
                  setEditing(null)
                }}
                onCancel={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ul>
      <UserCreateForm units={units.data ?? []} onCreated={(u) => users.setData([...(users.data ?? []), u])} />
    </section>
  )
}
