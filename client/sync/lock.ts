// One sync at a time across tabs and the service worker: the Web Locks API where it exists,
// else a lock for this page only (the server's idempotency covers what that misses).
const local = new Map<string, Promise<unknown>>()

export type LockFn = <T>(name: string, fn: () => Promise<T>) => Promise<T>

export const withLock: LockFn = (name, fn) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks
  if (locks?.request) return locks.request(name, fn) as ReturnType<typeof fn>
  return pageLock(name, fn)
}

export const pageLock: LockFn = (name, fn) => {
  const before = local.get(name) ?? Promise.resolve()
  const run = before.then(fn, fn)
  local.set(name, run.catch(() => undefined))
  return run
}
