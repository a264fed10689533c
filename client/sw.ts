/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { LocalDb } from './local-db/db'
import { syncOnce } from './sync/engine'
import { browserFetch } from './sync/request'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> }

// The app shell and every chunk, so that the form, the worker's items and the admin views open
// with no network. The API is never cached here: the outbox and the device database hold data.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
// Not the no-script form's result page: it is made by the server for the browser that posted.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/submit/] }))
clientsClaim()

// A new version waits until the page says the worker is ready for it (see pwa/register.ts).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting()
})

// Background Sync: the browser wakes us when it is back online, even with the page closed.
// The same engine as the page, under the same lock, so the two never send at once.
self.addEventListener('sync', (event) => {
  const sync = event as Event & { tag: string; waitUntil(p: Promise<unknown>): void }
  if (sync.tag !== 'yj-outbox') return
  sync.waitUntil(
    // Open pages hear of what changed through the database's broadcast channel (local-db/changes.ts).
    syncOnce({ db: new LocalDb(), fetch: browserFetch, refresh: true }).then((report) => {
      // Rejecting tells the browser to retry later with its own backoff.
      if (!report.ok && report.stillQueued > 0) throw new Error('outbox not drained')
    }),
  )
})
