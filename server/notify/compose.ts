import type { Kysely } from 'kysely'
import { itemNumber } from '../../shared/item-number'
import { NOTIFY_LIMITS, type MessageKind, type NotifyMessage } from '../../shared/notify'
import { OUTCOME_LABELS, type Outcome } from '../../shared/outcomes'
import { daysLeft, todayInChina } from '../../shared/time'
import type { Database } from '../db/schema'

type Db = Kysely<Database>

/**
 * The words of each message: Chinese, short, the number and category in the title so that a
 * phone's lock screen says what it is about. Built from the item's number, category, summary,
 * unit and deadline; never from the submitter's name, number or phone, and from the content only
 * when the union allows it (`notify_settings.include_content`).
 */

export interface ItemFacts {
  id: string
  number: string
  category: string
  summary: string | null
  unitName: string
  unitPath: string
}

/** What a message may say about an item. */
export async function itemFacts(db: Db, itemId: string): Promise<ItemFacts> {
  const [row, settings] = await Promise.all([
    db
      .selectFrom('suggestions as s')
      .innerJoin('org_units as u', 'u.id', 's.unit_id')
      .leftJoin('categories as c', 'c.id', 's.category')
      .select(['s.id', 's.serial_year', 's.serial_seq', 's.summary', 's.content', 's.category', 'c.label_zh', 'u.name as unit_name', 'u.path as unit_path'])
      .where('s.id', '=', itemId)
      .executeTakeFirstOrThrow(),
    readSettings(db),
  ])
  const summary = row.summary ?? (settings.include_content ? row.content : null)
  return {
    id: row.id,
    number: itemNumber(row.serial_year, row.serial_seq),
    category: row.label_zh ?? row.category,
    summary: summary ? excerpt(summary) : null,
    unitName: row.unit_name,
    unitPath: row.unit_path,
  }
}

export async function readSettings(db: Db) {
  return db.selectFrom('notify_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
}

/** One line, at most `NOTIFY_LIMITS.excerptMax` characters. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length > NOTIFY_LIMITS.excerptMax ? `${chars.slice(0, NOTIFY_LIMITS.excerptMax).join('')}…` : flat
}

export function dueText(deadline: Date, now: Date): string {
  const days = daysLeft(deadline, now)
  if (days > 0) return `还剩 ${days} 天`
  if (days === 0) return '今天到期'
  return `已超期 ${-days} 天`
}

function itemMessage(kind: MessageKind, title: string, item: ItemFacts, lines: Array<string | null>, unit: string, deadline: Date | null): NotifyMessage {
  return {
    kind,
    title,
    lines: [...lines, item.summary ? `摘要：${item.summary}` : null].filter((l): l is string => l !== null),
    link: { item: item.id },
    item: { id: item.id, number: item.number, category: item.category, summary: item.summary, unit, deadline: deadline ? todayInChina(deadline) : null },
  }
}

export interface DispatchFacts {
  unitName: string
  leaderName: string
  responsibleName: string
  deadline: Date
  instructions: string | null
}

/** What a message says of a dispatch read with `dispatchesWithPeople` (server/domain/items/dispatches.ts). */
export function dispatchFacts(a: { unit_name: string; leader_name: string; responsible_name: string; deadline: Date; instructions: string | null }): DispatchFacts {
  return { unitName: a.unit_name, leaderName: a.leader_name, responsibleName: a.responsible_name, deadline: a.deadline, instructions: a.instructions }
}

export function dispatchMessage(item: ItemFacts, d: DispatchFacts): NotifyMessage {
  return itemMessage(
    'dispatch',
    `【交办】${item.number} ${item.category}`,
    item,
    [`承办单位：${d.unitName}`, `责任人：${d.responsibleName}　主管领导：${d.leaderName}`, `办理期限：${todayInChina(d.deadline)}`, d.instructions ? `工会意见：${excerpt(d.instructions)}` : null],
    d.unitName,
    d.deadline,
  )
}

export function remindMessage(item: ItemFacts, d: DispatchFacts, now: Date): NotifyMessage {
  return itemMessage(
    'remind',
    `【即将到期】${item.number} ${dueText(d.deadline, now)}`,
    item,
    [`承办单位：${d.unitName}`, `责任人：${d.responsibleName}`, `办理期限：${todayInChina(d.deadline)}，请按时报告办理结果`],
    d.unitName,
    d.deadline,
  )
}

export function urgeMessage(item: ItemFacts, d: DispatchFacts, now: Date, officerName: string, text: string | null): NotifyMessage {
  return itemMessage(
    'urge',
    `【催办】${item.number} ${dueText(d.deadline, now)}`,
    item,
    [`承办单位：${d.unitName}　责任人：${d.responsibleName}`, `办理期限：${todayInChina(d.deadline)}`, `工会催办（${officerName}）：${text ? excerpt(text) : '请尽快办理并报告结果'}`],
    d.unitName,
    d.deadline,
  )
}

export function instructMessage(item: ItemFacts, leaderName: string, text: string, unitName: string): NotifyMessage {
  return itemMessage('instruct', `【领导批示】${item.number} ${item.category}`, item, [`${leaderName}批示：${excerpt(text)}`], unitName, null)
}

export function reportMessage(item: ItemFacts, unitName: string, outcome: Outcome, text: string, allReported: boolean): NotifyMessage {
  return itemMessage(
    'report',
    `【办理反馈】${item.number} ${OUTCOME_LABELS[outcome].zh}`,
    item,
    [`${unitName}已报告办理结果：${OUTCOME_LABELS[outcome].zh}`, `说明：${excerpt(text)}`, allReported ? '交办已全部反馈，请工会答复员工' : '还有单位未反馈'],
    unitName,
    null,
  )
}

export interface OverdueLine {
  itemId: string
  number: string
  summary: string | null
  unitName: string
  deadline: Date
}

/** The day's list of overdue dispatches of the units a channel serves: the longest overdue first, `total` in all. */
export function overdueMessage(rows: OverdueLine[], total: number, now: Date): NotifyMessage {
  const shown = rows.slice(0, NOTIFY_LIMITS.digestLines)
  const lines = shown.map((r) => `${r.number} ${r.unitName} ${dueText(r.deadline, now)}${r.summary ? `：${r.summary}` : ''}`)
  if (total > shown.length) lines.push(`另有 ${total - shown.length} 件`)
  lines.push('请尽快办理并报告结果')
  return { kind: 'overdue', title: `【超期提醒】${total} 件交办已超期`, lines, link: { inbox: 'overdue=1' }, item: null }
}

/** The union's daily summary: overdue dispatches per unit. */
export function overdueUnionMessage(perUnit: Array<{ unitName: string; count: number }>): NotifyMessage {
  const total = perUnit.reduce((n, u) => n + u.count, 0)
  const shown = perUnit.slice(0, NOTIFY_LIMITS.digestLines)
  const lines = shown.map((u) => `${u.unitName}：${u.count} 件`)
  if (perUnit.length > shown.length) lines.push(`另有 ${perUnit.length - shown.length} 个单位`)
  return { kind: 'overdue_union', title: `【超期汇总】共 ${total} 件交办已超期`, lines, link: { inbox: 'overdue=1' }, item: null }
}

/** New items waiting for the union to take them in: since the last message (instant), or all that wait (digest). */
export function triageMessage(count: number, waiting: number, instant: boolean): NotifyMessage {
  return {
    kind: 'triage',
    title: instant ? `【待受理】新收到 ${count} 条意见` : `【待受理】${waiting} 条意见等待受理`,
    lines: instant ? [`目前共 ${waiting} 条等待受理`] : ['请及时受理、分类和交办'],
    link: { inbox: 'status=submitted' },
    item: null,
  }
}

export function testMessage(channelName: string, unitName: string): NotifyMessage {
  return {
    kind: 'test',
    title: '【测试消息】有意见码上提',
    lines: [`通道“${channelName}”（${unitName}）连接正常。`, '以后这里会收到交办、到期和超期提醒。'],
    link: null,
    item: null,
  }
}
