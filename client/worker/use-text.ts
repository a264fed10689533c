import type { Lang } from '../../shared/lang'
import { pick, setLang, useLang, type Text } from '../i18n/lang'
import { FORM_ZH, type FormKey } from './strings'

// The first load carries the form's zh-CN only; the English comes when the worker asks for it.
let english: Record<FormKey, string> | null = null

/** Fetches the form's English texts (once; a failed fetch is tried again on the next call). */
export async function loadEnglish(): Promise<void> {
  english ??= (await import('./strings-en')).FORM_EN
}

/** Switches the language; English once its texts are here (so a switch never shows a half-translated form). */
export async function switchLang(lang: Lang): Promise<void> {
  if (lang === 'en') await loadEnglish()
  setLang(lang)
}

/** The current language and the form's text for a key; re-renders on a language switch. */
export function useText(): { lang: Lang; s: (key: FormKey) => string; l: (label: Text) => string } {
  const lang = useLang()
  return { lang, s: (key) => (lang === 'en' && english ? english[key] : FORM_ZH[key]), l: (label) => pick(lang, label) }
}
