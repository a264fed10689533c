import type { Workbox } from 'workbox-window'

/**
 * Registers the service worker after first paint. A new version waits until the worker chooses
 * to update, or applies by itself when no draft is on screen: an update never eats typed text.
 */
export interface UpdateControl {
  apply(): void
}

export async function registerServiceWorker(hasDraft: () => boolean, onUpdate: (control: UpdateControl) => void, showMine: () => void): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  // A tap on the notification of an answer (sw.ts) opens the app, or tells the open one, on 我的意见.
  if (new URLSearchParams(location.search).get('tab') === 'mine') showMine()
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'SHOW_MINE') showMine()
  })
  const { Workbox } = await import('workbox-window')
  const wb: Workbox = new Workbox('/sw.js', { scope: '/' })
  const apply = () => {
    wb.addEventListener('controlling', () => location.reload())
    wb.messageSkipWaiting()
  }
  wb.addEventListener('waiting', () => {
    if (hasDraft()) onUpdate({ apply })
    else apply()
  })
  try {
    await wb.register()
  } catch {
    // Blocked (some in-app browsers, private modes): the page and its outbox work without it.
  }
}
