import { setLang } from '../i18n/lang'
import { useText } from './use-text'

export function LangSwitch() {
  const { lang, s } = useText()
  const other = lang === 'en' ? 'zh-CN' : 'en'
  return (
    <button type="button" class="adm-link-button" lang={other} onClick={() => setLang(other)}>
      {s('switchLang')}
    </button>
  )
}
