import { useEffect, useState } from 'preact/hooks'
import { DEFAULT_CATEGORIES, type Category } from '../../shared/category-labels'

// The categories the server listed with the QR point, kept so that a form opened offline
// offers today's list and 我的意见 names an item's category as the union does.
const KEY = 'yj.categories'
const listeners = new Set<(list: readonly Category[]) => void>()

const isCategory = (c: unknown): c is Category =>
  !!c && typeof (c as Category).id === 'string' && typeof (c as Category).zh === 'string' && typeof (c as Category).en === 'string'

function stored(): Category[] | null {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    return Array.isArray(list) && list.length && list.every(isCategory) ? list : null
  } catch {
    return null
  }
}

/** Keeps the server's list on the device and shows it at once. */
export function rememberCategories(list: unknown): void {
  if (!Array.isArray(list) || !list.length || !list.every(isCategory)) return
  try {
    localStorage.setItem(KEY, JSON.stringify(list))
  } catch {
    // Without storage the list is asked for again with the QR point next time.
  }
  for (const listener of listeners) listener(list)
}

/**
 * Every category the device knows, retired ones too: the eight the page was built with (so the
 * first render matches the prerendered form), then the device's copy, then the server's answer.
 */
export function useCategories(): readonly Category[] {
  const [list, setList] = useState<readonly Category[]>(DEFAULT_CATEGORIES)
  useEffect(() => {
    const kept = stored()
    if (kept) setList(kept)
    listeners.add(setList)
    return () => void listeners.delete(setList)
  }, [])
  return list
}
