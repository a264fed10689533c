import type { LocalDb } from '../local-db/db'
import { queued } from '../local-db/outbox'
import { syncOnce, type SyncReport } from './engine'
import { announceFromPage, watchForAnswers } from './notices'
import { browserFetch } from './request'

export interface SchedulerState {
  running: boolean
  last: SyncReport | null
  lastAt: number | null
  lastOkAt: number | null
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … up to 5 minutes, each 50–100 % of that. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 2_000 * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling * (0.5 + random() * 0.5))
}

/**
 * Runs syncs when they can help: at start, when the browser says it is online, when the tab
 * comes back, on a backoff timer while anything is queued, on request, and every few minutes
 * while the page is open (to fetch replies). Connectivity is whatever the last real request said.
 */
export function startScheduler(db: LocalDb, lang: () => string, onState: (state: SchedulerState) => void) {
  const state: SchedulerState = { running: false, last: null, lastAt: null, lastOkAt: null }
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let again = false

  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), ms)
  }

  async function run(): Promise<SyncReport | null> {
    if (state.running) {
      again = true
      return null
    }
    state.running = true
    onState({ ...state })
    let report: SyncReport
    try {
      report = await syncOnce({ db, fetch: browserFetch, lang: lang() })
    } catch {
      report = { ok: false, requests: 0, acknowledged: 0, rejected: 0, stillQueued: (await queued(db).catch(() => [])).length, refreshed: 0, verdicts: 0, news: [], failure: 'network' }
    }
    state.running = false
    void announceFromPage(db, report.news, lang()).catch(() => undefined)
    state.last = report
    state.lastAt = Date.now()
    if (report.ok) {
      failures = 0
      state.lastOkAt = state.lastAt
      schedule(5 * 60_000)
    } else {
      failures++
      schedule(Math.max(report.retryAfterMs ?? 0, backoffMs(failures)))
    }
    onState({ ...state })
    if (again) {
      again = false
      return run()
    }
    return report
  }

  const onOnline = () => void run()
  const onVisible = () => {
    if (document.visibilityState === 'visible') void run()
  }
  window.addEventListener('online', onOnline)
  document.addEventListener('visibilitychange', onVisible)
  void run()
  // Where the worker allowed notifications: the installed app looks for answers even while closed.
  void navigator.serviceWorker?.ready.then(watchForAnswers)

  return {
    syncNow: () => {
      failures = 0
      return run()
    },
    /** A new item is queued: try now, and ask the browser to retry for us once we are gone. */
    queued: () => {
      void run()
      void navigator.serviceWorker?.ready
        .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register('yj-outbox'))
        .catch(() => undefined)
    },
    stop: () => {
      clearTimeout(timer)
      window.removeEventListener('online', onOnline)
      document.removeEventListener('visibilitychange', onVisible)
    },
  }
}
