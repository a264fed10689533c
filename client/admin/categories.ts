import { useEffect, useState } from 'preact/hooks'
import type { Category } from '../../shared/categories'
import { api } from './api'

// The organisation's categories, asked once and shared by every screen that shows one; the
// categories screen puts its edits here so the inbox and the item pages follow at once.
let known: Category[] = []
let asked: Promise<void> | null = null
const listeners = new Set<(list: Category[]) => void>()

export function setCategories(list: Category[]): void {
  known = list
  for (const listener of listeners) listener(list)
}

function load(): Promise<void> {
  // A failed load is asked again by the next screen; meanwhile the built-in eight label items.
  asked ??= api.get<Category[]>('/api/admin/categories').then(setCategories, () => void (asked = null))
  return asked
}

/** Every category, retired ones too, in the admins' order; empty until the server has answered. */
export function useCategories(): Category[] {
  const [list, setList] = useState(known)
  useEffect(() => {
    listeners.add(setList)
    void load()
    return () => void listeners.delete(setList)
  }, [])
  return list
}
