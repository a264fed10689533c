import { render } from 'preact'
import { initialLang, setLang } from '../i18n/lang'
import { AdminApp } from './AdminApp'
import './admin.css'
import './admin-list.css'
import './admin-item.css'

/** Entry of the lazily loaded reviewers' app; `client/main.tsx` calls it for `/admin…`. */
export function mountAdmin(root: HTMLElement): void {
  setLang(initialLang())
  document.title = document.documentElement.lang === 'en' ? 'Speak Up · Union desk' : '有意见码上提 · 工会工作台'
  render(<AdminApp />, root)
}
