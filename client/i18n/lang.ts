import { useEffect, useState } from 'preact/hooks'
import type { Lang } from '../../shared/lang'

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

/** A text in both languages of the interface, zh-CN first: the one shape of every label, worker's, reviewers' and shared/'s. */
export type Text = { readonly zh: string; readonly en: string }

/** Picks the zh or en side of a text. */
export function pick(lang: Lang, text: Text): string {
  return lang === 'en' ? text.en : text.zh
}

/** The current language; re-renders on a switch. */
export function useLang(): Lang {
  const [lang, set] = useState<Lang>(current)
  useEffect(() => {
    listeners.add(set)
    return () => void listeners.delete(set)
  }, [])
  return lang
}

/**
 * The text hook of one side over its own table (the worker's and the reviewers' are separate
 * bundles): the language, `s(key)` for a text of the table and `l(label)` for a label from shared/.
 */
export function textHook<K extends string>(table: Record<K, Text>): () => { lang: Lang; s: (key: K) => string; l: (label: Text) => string } {
  return () => {
    const lang = useLang()
    return { lang, s: (key) => pick(lang, table[key]), l: (label) => pick(lang, label) }
  }
}
