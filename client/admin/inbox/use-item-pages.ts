import { useEffect, useRef, useState } from 'preact/hooks'
import type { ItemPage, ItemSummary } from '../../../shared/admin-api'
import { api, failureText } from '../api'

/** The inbox's keyset pages for one query: the first page on every change, then "load more". */
export function useItemPages(query: string) {
  const [items, setItems] = useState<ItemSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')
  // A slow answer for an older query must not overwrite the current one.
  const generation = useRef(0)

  async function fetchPage(after: string | null) {
    const mine = ++generation.current
    setLoading(true)
    setError('')
    const params = new URLSearchParams(query)
    if (after) params.set('cursor', after)
    const qs = params.toString()
    try {
      const page = await api.get<ItemPage>(`/api/admin/items${qs ? `?${qs}` : ''}`)
      if (mine !== generation.current) return
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (err) {
      if (mine === generation.current) setError(failureText(err))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }

  useEffect(() => {
    setItems([])
    setCursor(null)
    void fetchPage(null)
  }, [query])

  return { items, error, loading, hasMore: cursor !== null, loadMore: () => fetchPage(cursor) }
}
