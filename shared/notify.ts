import * as v from 'valibot'
import { NOTIFY_LIMITS } from './notify-limits'
import { lineText, record } from './validation'
import { line, uuid } from './schemas/fields'

/**
 * Messages to the work groups units already read (server/notify/): the kinds of channel, the
 * kinds of message, what a message holds, and what admins send to configure them. Web Push is
 * not used: its delivery services are unreachable on Chinese networks.
 */

/** 企业微信 group robot, 钉钉 group robot (signed), or any JSON webhook (an SMS gateway, the company's IM). */
export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'webhook'] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

export const CHANNEL_KIND_LABELS: Record<ChannelKind, { zh: string; en: string }> = {
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk group robot' },
  webhook: { zh: '通用 JSON 接口', en: 'Generic JSON webhook' },
}

/** What a message announces. */
export const MESSAGE_KINDS = ['dispatch', 'remind', 'overdue', 'overdue_union', 'report', 'triage', 'urge', 'instruct', 'test'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const MESSAGE_KIND_LABELS: Record<MessageKind, { zh: string; en: string }> = {
  dispatch: { zh: '交办', en: 'Dispatch' },
  remind: { zh: '即将到期', en: 'Deadline near' },
  overdue: { zh: '超期提醒', en: 'Overdue' },
  overdue_union: { zh: '超期汇总', en: 'Overdue summary' },
  report: { zh: '办理反馈', en: 'Report back' },
  triage: { zh: '待受理', en: 'Waiting for triage' },
  urge: { zh: '催办', en: 'Pressed for action' },
  instruct: { zh: '领导批示', en: 'Leader’s instruction' },
  test: { zh: '测试消息', en: 'Test message' },
}

/** New items for the union: a message within a minute of their arrival, a daily digest, or none. */
export const TRIAGE_MODES = ['instant', 'digest', 'off'] as const
export type TriageMode = (typeof TRIAGE_MODES)[number]

/**
 * One message, as stored in the outbox and rendered for each kind of channel when sent: a title
 * line, short lines, and the item it is about (its page is linked on PUBLIC_ORIGIN). Never the
 * submitter's name, number or phone; the item's content only when the union allows it.
 */
export interface NotifyMessage {
  kind: MessageKind
  title: string
  lines: string[]
  /** The admin page the message links to: an item, or the inbox filtered to what waits for triage. */
  link: { item: string } | { inbox: string } | null
  item: { id: string; number: string; category: string; summary: string | null; unit: string | null; deadline: string | null } | null
}

export { NOTIFY_LIMITS }

// One line with no control characters (lineText), an http(s) address without a user or password,
// kept as the URL parser writes it (anything odd percent-encoded).
const webhookUrl = v.pipe(
  lineText(1, NOTIFY_LIMITS.urlMax, 'invalid_webhook_url', 'text_too_long'),
  v.check((s) => {
    try {
      const u = new URL(s)
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password
    } catch {
      return false
    }
  }, 'invalid_webhook_url'),
  v.transform((s) => new URL(s).href),
  v.check((s) => s.length <= NOTIFY_LIMITS.urlMax, 'text_too_long'),
)

const secret = v.optional(v.nullable(lineText(0, NOTIFY_LIMITS.secretMax, 'text_required', 'text_too_long')))

/** `POST /api/admin/notify/channels`. */
export const ChannelCreateSchema = record({
  unitId: uuid,
  kind: v.picklist(CHANNEL_KINDS, 'invalid_request'),
  name: line(NOTIFY_LIMITS.nameMax),
  url: webhookUrl,
  secret,
})

/** `PATCH /api/admin/notify/channels/:id`: any of these; a secret left out stays as it was. */
export const ChannelUpdateSchema = record({
  name: v.optional(line(NOTIFY_LIMITS.nameMax)),
  url: v.optional(webhookUrl),
  secret,
  active: v.optional(v.boolean()),
})

/** `PUT /api/admin/notify/settings`. */
export const NotifySettingsSchema = record({
  includeContent: v.boolean(),
  triageMode: v.picklist(TRIAGE_MODES, 'invalid_request'),
  remindDays: v.pipe(v.number(), v.integer('invalid_request'), v.minValue(1, 'invalid_request'), v.maxValue(14, 'invalid_request')),
  digestHour: v.pipe(v.number(), v.integer('invalid_request'), v.minValue(0, 'invalid_request'), v.maxValue(23, 'invalid_request')),
})
export type NotifySettings = v.InferOutput<typeof NotifySettingsSchema>

export interface Delivery {
  id: string
  kind: MessageKind
  title: string
  state: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

/** A channel as admins see it: the secret is never sent back, only whether one is set. */
export interface ChannelView {
  id: string
  unitId: string
  unitName: string
  kind: ChannelKind
  name: string
  url: string
  hasSecret: boolean
  active: boolean
  counts: { sent: number; failed: number; pending: number }
  recent: Delivery[]
}

/** `GET /api/admin/notify`: the settings, the channels in scope, and the deployment fallback's state. */
export interface NotifyOverview {
  settings: NotifySettings
  /** Only an admin of a top unit changes the settings: they hold for the whole deployment. */
  settingsEditable: boolean
  channels: ChannelView[]
  /** Messages with no channel of their unit or above: sent to NOTIFY_WEBHOOK_URL if set, else failed. */
  fallback: { configured: boolean; counts: ChannelView['counts']; recent: Delivery[] }
}
