import { useCallback, useEffect, useState } from 'preact/hooks'
import { failureText } from '../api'

/** Loads data for a screen, keeps the error text, and reloads on demand or when `deps` change. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(true)
  // The caller names what the loader depends on, as with useEffect.
  const run = useCallback(load, deps)
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setData(await run())
      setError('')
    } catch (err) {
      setError(failureText(err))
    } finally {
      setLoading(false)
    }
  }, [run])
  useEffect(() => void reload(), [reload])
  return { data, setData, error, loading, reload }
}
