import { useEffect, useState } from 'preact/hooks'

/** A module fetched on first need, after the form's first paint. */
export interface Lazy<T> {
  /** The module; a failed fetch (the network gone before the service worker kept it) is tried again on the next call. */
  get(): Promise<T>
  /** The module if it is here already. */
  now(): T | undefined
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let loaded: T | undefined
  let pending: Promise<T> | undefined
  return {
    get: () =>
      (pending ??= load().then(
        (module) => (loaded = module),
        (error: unknown) => {
          pending = undefined
          throw error
        },
      )),
    now: () => loaded,
  }
}

/**
 * The module once it is here (re-rendering then). Asked for after paint while `want` is truthy,
 * and again whenever `want` changes while it is missing (a fetch that failed offline).
 */
export function useLazy<T>(module: Lazy<T>, want: unknown = true): T | undefined {
  const [, arrived] = useState(0)
  useEffect(() => {
    if (want && !module.now()) module.get().then(() => arrived((n) => n + 1), () => undefined)
  }, [want])
  return module.now()
}
