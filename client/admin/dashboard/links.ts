import { OPEN_STATUSES } from '../../../shared/rates'
import { filterQuery, type Filters } from '../inbox/filters'
import { inboxHref } from '../route'
import type { Period } from './period'

/** What the dashboard is looking at: a period and, maybe, one unit rolled up. */
export interface Scope extends Period {
  unitId: string
}

/** The inbox filtered to the items a figure counts: those received in the scope, narrowed by `more`. */
export function scopedInboxHref(scope: Scope, more: Filters = {}): string {
  return inboxHref(filterQuery({ from: scope.from, to: scope.to, unitId: scope.unitId, ...more }))
}

/** The narrowing of each headline count the inbox can filter by; rates count all received items. */
export const COUNT_FILTERS: Partial<Record<string, Filters>> = {
  received: {},
  open: { status: OPEN_STATUSES.join(',') },
  overdue: { overdue: '1' },
  proposals: { proposal: '1' },
  replyRate: {},
  implementationRate: {},
  onTimeRate: {},
  satisfactionRate: {},
}
