import type { Status } from './lifecycle'

/** What each status is called, for workers and reviewers alike. */
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
