import type { Migration } from 'kysely/migration'
import * as orgUnits from './2026-11-24-01-org-units'
import * as entryPoints from './2026-11-24-02-entry-points'
import * as suggestions from './2026-11-24-03-suggestions'
import * as suggestionEvents from './2026-11-24-04-suggestion-events'

/** Every migration, in order. Static, not a folder scan, so bundling and PGlite both work. */
export const migrations: Record<string, Migration> = {
  '2026-11-24-01-org-units': orgUnits,
  '2026-11-24-02-entry-points': entryPoints,
  '2026-11-24-03-suggestions': suggestions,
  '2026-11-24-04-suggestion-events': suggestionEvents,
}
