import { useState } from 'preact/hooks'
import type { Me } from '../../shared/admin-api'
import { api } from './api'
import { AuthFrame } from './ui/AuthFrame'
import { Field } from './ui/Field'
import { Message } from './ui/Message'
import { useSubmit } from './ui/use-submit'
import { useText } from './use-text'

export function LoginScreen({ onLogin }: { onLogin: (me: Me) => void }) {
  const { s } = useText()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, run } = useSubmit()
  const submit = (e: Event) => {
    e.preventDefault()
    void run(async () => onLogin(await api.post<Me>('/api/auth/login', { username, password })))
  }
  return (
    <AuthFrame>
      <form class="adm-card" onSubmit={submit}>
        <h1>{s('loginTitle')}</h1>
        <Field id="login-username" label={s('username')}>
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </Field>
        <Field id="login-password" label={s('password')}>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <Message text={error} />
        <button type="submit" class="adm-primary" disabled={busy}>
          {s('login')}
        </button>
      </form>
    </AuthFrame>
  )
}
