import { useState } from 'preact/hooks'
import type { Me } from '../../shared/admin-api'
import { ADMIN_LIMITS } from '../../shared/limits'
import { api } from './api'
import { AuthFrame } from './ui/AuthFrame'
import { Field } from './ui/Field'
import { Message } from './ui/Message'
import { useSubmit } from './ui/use-submit'
import { useText } from './use-text'

/** The first admin, from the one-time link the server printed on a fresh install (`/admin/setup?token=…`). */
export function SetupScreen({ token, onDone }: { token: string; onDone: (me: Me) => void }) {
  const { s } = useText()
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => {
      const me = await api.post<Me>('/api/setup', { token, username, displayName, password })
      // The link is spent: keep it out of the address bar and the history.
      history.replaceState(null, '', '/admin')
      onDone(me)
    })
  }
  return (
    <AuthFrame>
      <form class="adm-card" onSubmit={submit}>
        <h1>{s('setupTitle')}</h1>
        <p>{s('setupHint')}</p>
        <Field id="setup-username" label={s('username')}>
          <input id="setup-username" autocomplete="username" autocapitalize="none" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </Field>
        <Field id="setup-name" label={s('displayName')}>
          <input id="setup-name" autocomplete="name" required value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </Field>
        <Field id="setup-password" label={s('initialPassword')}>
          <input id="setup-password" type="password" autocomplete="new-password" required minLength={ADMIN_LIMITS.passwordMin} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <Message text={error} />
        <button type="submit" class="adm-primary" disabled={busy}>
          {s('setupSubmit')}
        </button>
      </form>
    </AuthFrame>
  )
}
