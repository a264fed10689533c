import { hydrate, render } from 'preact'
import { initialLang, setLang } from './i18n/lang'
import { WorkerApp } from './worker/WorkerApp'
import './styles.css'

// The worker's form is prerendered into index.html: hydrate it at once. Everything else
// (the device database, the service worker, the admin views) loads after the first paint.
const root = document.getElementById('app')!

if (location.pathname === '/admin' || location.pathname.startsWith('/admin/')) {
  root.textContent = ''
  void import('./admin/mount').then(({ mountAdmin }) => mountAdmin(root))
} else {
  const lang = initialLang()
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
