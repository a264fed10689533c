import { useEffect, useState } from 'preact/hooks'
import type { Lang } from '../../shared/lang'
import { EN, ZH, type StringKey } from './strings'

// The choice is the worker's, kept on the device; zh-CN until they switch.
const KEY = 'yj.lang'
const listeners = new Set<(lang: Lang) => void>()
let current: Lang = 'zh-CN'

export function initialLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export function getLang(): Lang {
  return current
}

export function setLang(lang: Lang): void {
  current = lang
  try {
    localStorage.setItem(KEY, lang)
  } catch {
    // A storage-less browser keeps the choice for this page only.
  }
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN'
  for (const listener of listeners) listener(lang)
}

export function translate(lang: Lang, key: StringKey): string {
  return lang === 'en' ? EN[key] : ZH[key]
}

/** The current language and its translator; re-renders on a switch. */
export function useLang(): { lang: Lang; t: (key: StringKey) => string } {
  const [lang, set] = useState<Lang>(current)
  useEffect(() => {
    listeners.add(set)
    return () => void listeners.delete(set)
  }, [])
  return { lang, t: (key) => translate(lang, key) }
}

/** Picks the zh or en side of a `{ zh, en }` label. */
export function pick(lang: Lang, label: { zh: string; en: string }): string {
  return lang === 'en' ? label.en : label.zh
}
