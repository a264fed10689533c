/** The languages of the interface. zh-CN is the default; English is a switch. */
export const LANGS = ['zh-CN', 'en'] as const

export type Lang = (typeof LANGS)[number]

export const DEFAULT_LANG: Lang = 'zh-CN'

/** Picks the language from an Accept-Language header or a stored choice: English only when asked first. */
export function pickLang(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG
  const first = header.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : DEFAULT_LANG
}
