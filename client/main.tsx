import { hydrate, render } from 'preact'
import type { Lang } from '../shared/lang'
import { initialLang, setLang } from './i18n/lang'
import { loadEnglish } from './worker/use-text'
import { WorkerApp } from './worker/WorkerApp'
import './styles.css'

// The worker's form is prerendered into index.html: hydrate it at once. Everything else (the
// device database, the service worker, the other screens, the admin views) loads after the first paint.
const root = document.getElementById('app')!

function takeOver(lang: Lang): void {
  // Words typed into the prerendered form before this script arrived become the form's state, so
  // taking the form over keeps them; from here on the app's draft saver keeps them.
  const early = window.__yjEarlyDraft
  const initialDraft = early?.fields()
  early?.stop()
  if (lang === 'zh-CN') hydrate(<WorkerApp initialDraft={initialDraft} />, root)
  else {
    setLang(lang)
    root.textContent = ''
    render(<WorkerApp initialDraft={initialDraft} />, root)
  }
}

if (location.pathname === '/admin' || location.pathname.startsWith('/admin/')) {
  root.textContent = ''
  void import('./admin/mount').then(({ mountAdmin }) => mountAdmin(root))
} else if (initialLang() === 'en') {
  // The prerendered form is zh-CN, and so are the texts the first load carries: English comes
  // first (the zh-CN form stays usable meanwhile); should it fail to arrive, zh-CN it is.
  loadEnglish().then(
    () => takeOver('en'),
    () => takeOver('zh-CN'),
  )
} else takeOver('zh-CN')
