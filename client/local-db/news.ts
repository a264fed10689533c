import type { PublicEvent, TrackedItem } from '../../shared/api'
import type { LocalDb } from './db'

// The worker's own steps are never news to them.
const OWN_KINDS: readonly string[] = ['submit', 'rate', 'message']

/** Keys of the steps the union took on an item: its own public history and, once merged, the main item's. */
function unionSteps(item: TrackedItem | null): string[] {
  if (!item) return []
  const own = item.events.filter((event, i) => !OWN_KINDS.includes(event.kind) && !reopenedByWorker(event, item.events[i - 1]))
  const main = (item.mergedInto?.events ?? []).filter((event) => !OWN_KINDS.includes(event.kind))
  return [...own, ...main].map((event) => `${event.kind}|${event.at}`)
}

// 不满意 sends the item back to the union in the same transaction as the rating (server/domain/items/worker.ts).
function reopenedByWorker(event: PublicEvent, before: PublicEvent | undefined): boolean {
  return event.kind === 'reopen' && before?.kind === 'rate' && before.data?.rating === 'unsatisfied'
}

/**
 * True when `next` shows a step of the union (a status change, an answer) that `prev`, what the
 * device knew, does not. The first look after submitting has none: only the worker's own 'submit'.
 */
export function hasNews(prev: TrackedItem | null, next: TrackedItem): boolean {
  const known = new Set(unionSteps(prev))
  return unionSteps(next).some((key) => !known.has(key))
}

/** The worker has had these items on screen in 我的意见: their news is no longer new. */
export async function markSeen(db: LocalDb, ids: string[]): Promise<void> {
  await db.mine.where('id').anyOf(ids).modify((row) => {
    delete row.unseen
  })
}
