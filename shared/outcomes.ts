/** What a unit reports back about a dispatched item. */
export const OUTCOMES = ['completed', 'partial', 'cannot'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const OUTCOME_LABELS: Record<Outcome, { zh: string; en: string }> = {
  completed: { zh: '已完成', en: 'Completed' },
  partial: { zh: '部分完成', en: 'Partly done' },
  cannot: { zh: '无法完成', en: 'Cannot be done' },
}
