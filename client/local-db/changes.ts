// Other tabs and the service worker change the same database: tell every view to re-read.
const listeners = new Set<() => void>()
let channel: BroadcastChannel | null | undefined

function getChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    // Pages and the service worker; not Node, where the build prerenders the form (an open channel keeps it alive).
    const browser = typeof document !== 'undefined' || typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope !== 'undefined'
    channel = typeof BroadcastChannel === 'function' && browser ? new BroadcastChannel('yj-local') : null
    channel?.addEventListener('message', emit)
  }
  return channel
}

function emit(): void {
  for (const listener of listeners) listener()
}

export function notifyChanged(): void {
  emit()
  getChannel()?.postMessage('changed')
}

export function onChanged(listener: () => void): () => void {
  getChannel()
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
