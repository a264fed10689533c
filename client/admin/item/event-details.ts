import type { AdminEvent } from '../../../shared/admin-api'
import { categoryLabel, type Category } from '../../../shared/categories'
import type { Lang } from '../../../shared/lang'
import { OUTCOME_LABELS, type Outcome } from '../../../shared/outcomes'
import { RATING_LABELS, type Rating } from '../../../shared/ratings'
import { REPLY_CHANNEL_LABELS, type ReplyChannel } from '../../../shared/reply-channels'
import { formatDate } from '../../../shared/time'
import { pick } from '../../i18n/lang'
import { S } from '../strings'

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)

/** The facts an event's `data` carries, as short readable phrases (never markup). */
export function eventDetails(e: AdminEvent, lang: Lang, categories: readonly Category[] = []): string[] {
  const d = e.data ?? {}
  const t = (key: keyof typeof S) => pick(lang, S[key])
  const out: string[] = []
  const c = lang === 'en' ? ': ' : '：'
  const channel = str(d.channel) as ReplyChannel | null
  if (channel && channel in REPLY_CHANNEL_LABELS) out.push(`${t('replyChannel')}${c}${pick(lang, REPLY_CHANNEL_LABELS[channel])}`)
  if (str(d.meetingAt)) out.push(`${t('meetingAt')}${c}${str(d.meetingAt)}`)
  if (str(d.meetingPlace)) out.push(`${t('meetingPlace')}${c}${str(d.meetingPlace)}`)
  if (str(d.officerName)) out.push(`${t('shownName')}${c}${str(d.officerName)}`)
  if (str(d.unitName)) out.push(`${t('dispatchUnit')}${c}${str(d.unitName)}`)
  if (str(d.deadline)) out.push(`${t('deadline')}${c}${formatDate(str(d.deadline)!, lang)}`)
  const outcome = str(d.outcome) as Outcome | null
  if (outcome && outcome in OUTCOME_LABELS) out.push(`${t('outcome')}${c}${pick(lang, OUTCOME_LABELS[outcome])}`)
  const rating = str(d.rating) as Rating | null
  if (rating && rating in RATING_LABELS) out.push(pick(lang, RATING_LABELS[rating]))
  if (str(d.userName)) out.push(`${t('revealTo')}${c}${str(d.userName)}`)
  if (str(d.category)) out.push(`${t('category')}${c}${categoryLabel(str(d.category)!, lang, categories)}`)
  if (typeof d.summary === 'string') out.push(`${t('summary')}${c}${d.summary}`)
  if (Array.isArray(d.tags)) out.push(`${t('tags')}${c}${d.tags.join('、')}`)
  if (d.is_proposal === true) out.push(t('markProposal'))
  return out
}
