/** The worker's verdict on an answer. `unsatisfied` sends the item back to the union. */
export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const
export type Rating = (typeof RATINGS)[number]

export const RATING_LABELS: Record<Rating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
}
