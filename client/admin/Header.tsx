import type { Me } from '../../shared/admin-api'
import { ROLE_LABELS } from '../../shared/roles'
import { api } from './api'
import { LangSwitch } from './LangSwitch'
import { SCREEN_LABELS, SCREENS_BY_ROLE, screenHref, type Screen } from './nav'
import { useText } from './use-text'

export function Header({ me, current, onLogout }: { me: Me; current: Screen | null; onLogout: () => void }) {
  const { s, l } = useText()
  const logout = async () => {
    // Whatever the server answers, this browser forgets the session.
    await api.post('/api/auth/logout').catch(() => {})
    onLogout()
  }
  return (
    <header class="adm-header">
      <div class="adm-header-row">
        <a class="adm-brand" href={screenHref(SCREENS_BY_ROLE[me.role][0]!)}>
          {/* The union's own desk for its staff; handlers and leaders are not the union. */}
          {s('appName')} · {s(me.role === 'handler' || me.role === 'leader' ? 'desk' : 'console')}
        </a>
        <div class="adm-user">
          <span class="adm-user-name">{me.displayName}</span>
          <span class="adm-badge">{l(ROLE_LABELS[me.role])}</span>
          <span class="adm-user-unit">{me.unit.name}</span>
          <LangSwitch />
          <button type="button" class="adm-link-button" onClick={logout}>
            {s('logout')}
          </button>
        </div>
      </div>
      <nav class="adm-nav" aria-label={s('mainNav')}>
        {SCREENS_BY_ROLE[me.role].map((screen) => (
          <a key={screen} href={screenHref(screen)} aria-current={screen === current ? 'page' : undefined}>
            {s(SCREEN_LABELS[screen])}
          </a>
        ))}
      </nav>
    </header>
  )
}
