import type { Lang } from '../../shared/lang'
import { pick, useLang } from '../i18n/lang'
import { S, type TextKey } from './strings'

/** The current language and the admin text for a key; re-renders on a language switch. */
export function useText(): { lang: Lang; s: (key: TextKey) => string; l: (label: { zh: string; en: string }) => string } {
  const { lang } = useLang()
  return { lang, s: (key) => pick(lang, S[key]), l: (label) => pick(lang, label) }
}
