import { useEffect, useState } from 'preact/hooks'
import type { Me } from '../../shared/admin-api'
import { api, onSessionLost, setSession } from './api'
import { LoginScreen } from './LoginScreen'
import { SetupScreen } from './SetupScreen'
import { Shell } from './Shell'
import { useText } from './use-text'

/** Asks who is logged in, then shows the login screen or the reviewer's screens. */
export function AdminApp() {
  const { s } = useText()
  // undefined while asking the server; null when nobody is logged in.
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const signIn = (next: Me | null) => {
    setSession(next)
    setMe(next)
  }
  useEffect(() => {
    onSessionLost(() => signIn(null))
    api.get<Me>('/api/auth/me').then(signIn, () => signIn(null))
  }, [])
  if (me === undefined) return <p class="adm-loading">{s('loading')}</p>
  const setupToken = location.pathname === '/admin/setup' ? new URLSearchParams(location.search).get('token') : null
  if (!me && setupToken) return <SetupScreen token={setupToken} onDone={signIn} />
  if (!me) return <LoginScreen onLogin={signIn} />
  return <Shell me={me} onLogout={() => signIn(null)} />
}
