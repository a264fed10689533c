import type { EventKind } from './lifecycle'

/** What each kind of timeline step is called, for workers (public kinds) and reviewers (all). */
export const EVENT_LABELS: Record<EventKind, { zh: string; en: string }> = {
  submit: { zh: '提交意见', en: 'Submitted' },
  classify: { zh: '调整分类', en: 'Reclassified' },
  note: { zh: '内部备注', en: 'Internal note' },
  assignment_report: { zh: '单位反馈', en: 'Unit reported' },
  rate: { zh: '员工评价', en: 'Worker rated' },
  message: { zh: '员工留言', en: 'Worker message' },
  reveal: { zh: '显示提交人', en: 'Identity revealed' },
  accept: { zh: '工会受理', en: 'Accepted by the union' },
  decline: { zh: '不予采纳', en: 'Declined' },
  merge: { zh: '合并办理', en: 'Merged' },
  dispatch: { zh: '交办落实', en: 'Dispatched' },
  report: { zh: '办理完成反馈', en: 'Reported back' },
  reply: { zh: '答复', en: 'Answered' },
  close: { zh: '办结', en: 'Closed' },
  reopen: { zh: '重新办理', en: 'Reopened' },
  urge: { zh: '催办', en: 'Pressed for action' },
  instruct: { zh: '领导批示', en: 'Leader’s instruction' },
}
