import type { Lang } from '../../shared/lang'

// Times are shown in China time wherever the reviewer's laptop thinks it is.
const CHINA = 'Asia/Shanghai'

export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: CHINA,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
}

export function formatDay(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: CHINA,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
}

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
