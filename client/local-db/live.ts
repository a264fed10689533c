import { liveQuery } from 'dexie'

/**
 * Calls `next` with what `read` returns now and again after every write that touches what it
 * read: in this tab, in other tabs and in the service worker (Dexie tells them over a
 * BroadcastChannel). Returns the function that stops watching.
 */
export function watch<T>(read: () => Promise<T>, next: (value: T) => void, fail: (error: unknown) => void): () => void {
  const subscription = liveQuery(read).subscribe({ next, error: fail })
  return () => subscription.unsubscribe()
}
