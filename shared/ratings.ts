import type { Status } from './statuses'

/** The worker's verdict on an answer. `unsatisfied` sends the item back to the union. */
export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const
export type Rating = (typeof RATINGS)[number]

export const RATING_LABELS: Record<Rating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
}

/**
 * Statuses whose answer the worker may rate: a reply, closed or not. A declined item has no
 * answer to judge; a merged one is rated through its main item, by that item's worker.
 */
const RATABLE_STATUSES = ['replied', 'closed'] as const satisfies readonly Status[]

export function isRatable(status: Status): boolean {
  return (RATABLE_STATUSES as readonly Status[]).includes(status)
}
