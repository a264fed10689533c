import { createHmac } from 'node:crypto'
import type { ChannelKind, NotifyMessage } from '../../shared/notify'

/** A message as one kind of channel takes it: where to POST and the JSON body. */
export interface Rendered {
  url: string
  /** The exact bytes to POST (what a generic receiver's signature covers). */
  body: string
  headers: Record<string, string>
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

/** The admin page a message links to, on the deployment's public origin (none without one). */
export function linkOf(message: NotifyMessage, origin: string | null): string | null {
  if (!origin || !message.link) return null
  return 'item' in message.link ? `${origin}/admin#/items/${encodeURIComponent(message.link.item)}` : `${origin}/admin#/items?${message.link.inbox}`
}

// Text from items (a summary, and the content when allowed) must not become a link, a heading or
// bold text in a group's markdown: the characters markdown reads are shown as their full-width twins.
const MARKDOWN = { '[': '［', ']': '］', '(': '（', ')': '）', '<': '＜', '>': '＞', '*': '＊', '_': '＿', '`': '｀', '#': '＃', '~': '～', '|': '｜' } as const
export function plainMarkdown(text: string): string {
  return text.replace(/[[\]()<>*_`#~|]/g, (ch) => MARKDOWN[ch as keyof typeof MARKDOWN])
}

/**
 * 企业微信's robot: `{ msgtype: 'markdown', markdown: { content } }`, at most 4096 bytes (our
 * messages are a few hundred); 钉钉's: `markdown` with a title (what the notification shows) and
 * text, the URL signed with the robot's secret; anything else: plain JSON for the receiver to use,
 * signed in a header when the channel has a secret.
 */
export function render(kind: ChannelKind, url: string, secret: string | null, message: NotifyMessage, origin: string | null, now: Date): Rendered {
  const link = linkOf(message, origin)
  const title = plainMarkdown(message.title)
  const lines = message.lines.map(plainMarkdown)
  if (kind === 'wecom') {
    const content = [`**${title}**`, ...lines.map((l) => `> ${l}`), ...(link ? [`[查看详情](${link})`] : [])].join('\n')
    return { url, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }), headers: JSON_TYPE }
  }
  if (kind === 'dingtalk') {
    const text = [`#### ${title}`, ...lines.map((l) => `- ${l}`), ...(link ? [`[查看详情](${link})`] : [])].join('\n\n')
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text } })
    return { url: secret ? signDingtalk(url, secret, now.getTime()) : url, body, headers: JSON_TYPE }
  }
  const body = JSON.stringify({
    event: message.kind,
    title: message.title,
    text: [message.title, ...message.lines].join('\n'),
    lines: message.lines,
    url: link,
    item: message.item,
    sentAt: now.toISOString(),
  })
  // With a secret, the receiver can tell our messages from anyone's: HMAC-SHA256 of `${timestamp}.${body}`.
  const timestamp = String(now.getTime())
  const signed: Record<string, string> = secret ? { 'x-yijian-timestamp': timestamp, 'x-yijian-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` } : {}
  return { url, body, headers: { ...JSON_TYPE, ...signed } }
}

/** 钉钉's 加签: `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), added to the URL. */
export function signDingtalk(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
  const u = new URL(url)
  u.searchParams.set('timestamp', String(timestamp))
  u.searchParams.set('sign', sign)
  return u.toString()
}

/**
 * Whether the receiver took it. The robots answer 200 with `{ errcode, errmsg }` even when they
 * refuse (a wrong key, too many messages a minute): only `errcode` 0 is success. What else a
 * receiver answers is not kept: admins read `last_error`, and an address inside the company's
 * network must not become a way to read its pages.
 */
export function refusal(kind: ChannelKind, status: number, text: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`
  if (kind === 'webhook') return null
  try {
    const body = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown }
    if (body.errcode === 0) return null
    if (typeof body.errcode === 'number') return `errcode ${body.errcode}: ${String(body.errmsg ?? '').slice(0, 200)}`
  } catch {
    // not JSON
  }
  return 'not a robot’s answer'
}
