import type { Migration } from 'kysely/migration'
import * as orgUnits from './2026-11-24-01-org-units'
import * as entryPoints from './2026-11-24-02-entry-points'
import * as suggestions from './2026-11-24-03-suggestions'
import * as suggestionEvents from './2026-11-24-04-suggestion-events'
import * as users from './2026-11-24-05-users'
import * as sessions from './2026-11-24-06-sessions'
import * as rateLimits from './2026-11-24-07-rate-limits'
import * as triage from './2026-11-24-08-triage'
import * as assignments from './2026-11-24-09-assignments'
import * as replyTemplates from './2026-11-24-10-reply-templates'
import * as reveals from './2026-11-24-11-reveals'
import * as eventClientIds from './2026-11-25-12-event-client-ids'
import * as anonymousCounters from './2026-11-25-13-anonymous-counters'
import * as replyPromise from './2026-11-26-14-reply-promise'
import * as eventKinds from './2026-11-26-15-event-kinds'
import * as categories from './2026-11-26-16-categories'
import * as posterText from './2026-11-26-18-poster-text'
import * as serialNumbers from './2026-11-26-19-serial-numbers'
import * as entryPointScans from './2026-11-26-20-entry-point-scans'
import * as itemTallies from './2026-11-26-21-item-tallies'
import * as openDispatchItem from './2026-11-26-22-open-dispatch-item'
import * as tallyNewItems from './2026-11-26-23-tally-new-items'
import * as filterIndexes from './2026-11-26-24-filter-indexes'
import * as openDeadline from './2026-11-26-25-open-deadline'
import * as notifications from './2026-11-26-26-notifications'
import * as photos from './2026-11-26-27-photos'

/** Every migration, in order. Static, not a folder scan, so bundling and PGlite both work. */
export const migrations: Record<string, Migration> = {
  '2026-11-24-01-org-units': orgUnits,
  '2026-11-24-02-entry-points': entryPoints,
  '2026-11-24-03-suggestions': suggestions,
  '2026-11-24-04-suggestion-events': suggestionEvents,
  '2026-11-24-05-users': users,
  '2026-11-24-06-sessions': sessions,
  '2026-11-24-07-rate-limits': rateLimits,
  '2026-11-24-08-triage': triage,
  '2026-11-24-09-assignments': assignments,
  '2026-11-24-10-reply-templates': replyTemplates,
  '2026-11-24-11-reveals': reveals,
  '2026-11-25-12-event-client-ids': eventClientIds,
  '2026-11-25-13-anonymous-counters': anonymousCounters,
  '2026-11-26-14-reply-promise': replyPromise,
  '2026-11-26-15-event-kinds': eventKinds,
  '2026-11-26-16-categories': categories,
  '2026-11-26-18-poster-text': posterText,
  '2026-11-26-19-serial-numbers': serialNumbers,
  '2026-11-26-20-entry-point-scans': entryPointScans,
  '2026-11-26-21-item-tallies': itemTallies,
  '2026-11-26-22-open-dispatch-item': openDispatchItem,
  '2026-11-26-23-tally-new-items': tallyNewItems,
  '2026-11-26-24-filter-indexes': filterIndexes,
  '2026-11-26-25-open-deadline': openDeadline,
  '2026-11-26-26-notifications': notifications,
  '2026-11-26-27-photos': photos,
}
