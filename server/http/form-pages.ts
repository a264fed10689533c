import type { Lang } from '../../shared/lang'

/**
 * The pages a browser that never ran the app's script gets after a plain POST of the form: the
 * follow-up code and how to keep it, or why the item was not stored with the words kept on
 * screen. Styled by the shell's own inline CSS (its CSP hash is already allowed).
 */

const TEXT = {
  'zh-CN': {
    appName: '有意见码上提',
    received: '已收到您的意见，工会将尽快处理。',
    codeLabel: '查询码',
    number: '编号',
    codeKeep: '请记下或截图保存查询码：凭它在本网站的“查询”里查看处理进度和答复。这个查询码只显示在这里，丢了无法找回。',
    another: '再提一条',
    notFound: '没有找到刚才提交的意见（可能已过去一小时）。如果您记下了查询码，可以在“查询”里查看。',
    notStored: '意见没有提交成功：',
    yourWords: '您写的内容还在这里，可以复制后按手机的返回键修改再提交：',
    back: '返回表单',
  },
  en: {
    appName: 'Speak Up by QR',
    received: 'Your opinion was received; the union will handle it soon.',
    codeLabel: 'Follow-up code',
    number: 'No.',
    codeKeep: 'Write down or screenshot the code: it shows progress and the answer under "Look up" on this site. It is shown only here and cannot be recovered if lost.',
    another: 'Write another',
    notFound: 'The item you just sent was not found (an hour may have passed). With its follow-up code you can look it up.',
    notStored: 'Your opinion was not sent: ',
    yourWords: 'What you wrote is kept here; copy it, go back with the phone\'s back key, correct and send again:',
    back: 'Back to the form',
  },
} as const

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

function page(lang: Lang, style: string, body: string): string {
  const t = TEXT[lang]
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.appName}</title>${style}</head><body><main class="app"><header class="top"><h1>${t.appName}</h1></header>${body}</main></body></html>`
}

const formLink = (entry: string | null) => (entry ? `/?s=${encodeURIComponent(entry)}` : '/')

export function sentPage(lang: Lang, style: string, code: string, entry: string | null, number: string | null): string {
  const t = TEXT[lang]
  const numbered = number ? `<p class="meta">${t.number}${lang === 'en' ? ': ' : '：'}${escape(number)}</p>` : ''
  return page(
    lang,
    style,
    `<section class="card done"><p class="state ok" role="status">${t.received}</p><p class="code-label">${t.codeLabel}</p><p class="code" data-testid="follow-up-code">${escape(code)}</p>${numbered}<p class="hint">${t.codeKeep}</p><p><a href="${escape(formLink(entry))}">${t.another}</a></p></section>`,
  )
}

export function sentMissingPage(lang: Lang, style: string): string {
  const t = TEXT[lang]
  return page(lang, style, `<section class="card"><p>${t.notFound}</p><p><a href="/">${t.back}</a></p></section>`)
}

export function refusedPage(lang: Lang, style: string, message: string, words: string, entry: string | null): string {
  const t = TEXT[lang]
  const kept = words.trim() ? `<p>${t.yourWords}</p><p class="card text">${escape(words)}</p>` : ''
  return page(lang, style, `<section class="card"><p class="error" role="alert">${t.notStored}${escape(message)}</p>${kept}<p><a href="${escape(formLink(entry))}">${t.back}</a></p></section>`)
}
