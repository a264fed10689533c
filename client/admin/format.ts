import type { Lang } from '../../shared/lang'

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`
}

/** `{name}` placeholders filled in. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}

/** `a（b）` in Chinese, `a (b)` in English. */
export function withNote(text: string, note: string, lang: Lang): string {
  return lang === 'en' ? `${text} (${note})` : `${text}（${note}）`
}

export function colon(lang: Lang): string {
  return lang === 'en' ? ': ' : '：'
}
