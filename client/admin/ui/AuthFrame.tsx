import type { ComponentChildren } from 'preact'
import { LangSwitch } from '../LangSwitch'
import { useText } from '../use-text'

/** The page around the login and first-admin cards: the desk's name and the language switch. */
export function AuthFrame({ children }: { children: ComponentChildren }) {
  const { s } = useText()
  return (
    <main class="adm-login">
      <div class="adm-login-top">
        <span class="adm-brand">
          {s('appName')} · {s('console')}
        </span>
        <LangSwitch />
      </div>
      {children}
    </main>
  )
}
