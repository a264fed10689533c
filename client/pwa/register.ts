import type { Workbox } from 'workbox-window'

/**
 * Registers the service worker after first paint. A new version waits until the worker chooses
 * to update, or applies by itself when no draft is on screen: an update never eats typed text.
 */
export interface UpdateControl {
  apply(): void
}

export async function registerServiceWorker(hasDraft: () => boolean, onUpdate: (control: UpdateControl) => void): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
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
