/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { LocalDb } from './local-db/db'
import { syncOnce } from './sync/engine'
import { announce, MINE_URL, NOTICE_TAG } from './sync/notices'
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

type SyncEvent = Event & { tag: string; waitUntil(p: Promise<unknown>): void }

// The same engine as the page, under the same lock, so the two never send at once; what it
// finds of the union's answers becomes one notification, if the worker allowed them.
// Open pages hear of what changed through the database's broadcast channel (local-db/live.ts).
async function syncHere() {
  const db = new LocalDb()
  const report = await syncOnce({ db, fetch: browserFetch, refresh: true })
  await announce(self.registration, db, report.news).catch(() => undefined)
  return report
}

// Background Sync: the browser wakes us when it is back online, even with the page closed.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== 'yj-outbox') return
  sync.waitUntil(
    syncHere().then((report) => {
      // Rejecting tells the browser to retry later with its own backoff.
      if (!report.ok && report.stillQueued > 0) throw new Error('outbox not drained')
    }),
  )
})

// Periodic Background Sync (the installed app, where the browser offers it): answers reach a
// closed app with no push service, which China's networks do not reach.
self.addEventListener('periodicsync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag === NOTICE_TAG) sync.waitUntil(syncHere())
})

// A tap on the notification opens 我的意见: in the app's open window if there is one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil(openMine((event.notification.data as { url?: string } | null)?.url ?? MINE_URL))
})

async function openMine(url: string): Promise<unknown> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  const app = windows.find((client) => !new URL(client.url).pathname.startsWith('/admin'))
  if (!app) return self.clients.openWindow(url)
  app.postMessage({ type: 'SHOW_MINE' })
  return app.focus()
}
