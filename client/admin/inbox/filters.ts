/** The inbox's filters as the API's query parameters; the hash carries them as a query string. */
export const FILTER_KEYS = ['q', 'status', 'category', 'rating', 'unitId', 'entryPoint', 'from', 'to', 'overdue', 'proposal'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type Filters = Partial<Record<FilterKey, string>>

export function parseFilters(query: string): Filters {
  const params = new URLSearchParams(query)
  const filters: Filters = {}
  for (const key of FILTER_KEYS) {
    const value = params.get(key)
    if (value) filters[key] = value
  }
  return filters
}

/** Only the filters that are set, in a stable order. */
export function filterQuery(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim()
    if (value) params.set(key, value)
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value)
  return params.toString()
}
