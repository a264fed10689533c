import type { BreakdownRow, Stats } from '../../../shared/admin-api'
import type { Breakdown } from '../../../shared/schemas/stats-query'
import { api, queryString } from '../api'
import { useLoad } from '../ui/use-load'
import type { Scope } from './links'

/** The figures for a scope, as `GET /api/admin/items/stats` answers them. */
export function useStats(scope: Scope) {
  return useLoad(() => api.get<Stats>(`/api/admin/items/stats${queryString({ ...scope })}`), [scope.from, scope.to, scope.unitId])
}

/** The figures per group for a scope. */
export function useBreakdown(by: Breakdown, scope: Scope) {
  return useLoad(() => api.get<BreakdownRow[]>(`/api/admin/items/breakdown${queryString({ ...scope, by })}`), [by, scope.from, scope.to, scope.unitId])
}

/** What a loader has so far: the data, or the error's text. */
export interface Loaded<T> {
  data: T | null
  error: string
}
