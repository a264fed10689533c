import type { Status } from './lifecycle'

/** What each status is called on the reviewers' side. */
export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  dispatched: { zh: '办理中', en: 'Being handled' },
  reported: { zh: '已反馈', en: 'Reported back' },
  replied: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  merged: { zh: '已合并', en: 'Merged' },
  declined: { zh: '不予采纳', en: 'Declined' },
}

/**
 * The worker's side: one word per state from the phone on (待发送 on the phone, 已送达 once the
 * server has it), so an item never changes its name between screens.
 */
export const WORKER_STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  ...STATUS_LABELS,
  submitted: { zh: '已送达', en: 'Delivered' },
}
