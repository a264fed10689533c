import type { RefObject } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { MineRow } from '../local-db/db'
import type { DeviceState } from './device-store'

/**
 * The items 我的意见 marks new: those with news not yet seen when it showed them, kept marked while
 * it stays open. Each is recorded as seen once its head line (with the mark) has been on screen.
 */
export function useNews(device: DeviceState, rows: MineRow[] | null, list: RefObject<HTMLElement | null>): Set<string> {
  const [shown] = useState(() => new Set<string>())
  for (const row of rows ?? []) if (row.unseen) shown.add(row.id)
  useEffect(() => {
    const heads = [...(list.current?.querySelectorAll('[data-unseen]') ?? [])]
    if (device.phase !== 'ready' || !heads.length) return
    const { device: d } = device
    const seen = (els: Element[]) => void d.markSeen(els.map((el) => el.closest<HTMLElement>('[data-id]')!.dataset.id!)).catch(() => undefined)
    if (typeof IntersectionObserver === 'undefined') return seen(heads)
    const observer = new IntersectionObserver(
      (entries) => {
        const on = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target)
        on.forEach((el) => observer.unobserve(el))
        if (on.length) seen(on)
      },
      { threshold: 1 },
    )
    heads.forEach((el) => observer.observe(el))
    return () => observer.disconnect()
  }, [rows, device.phase])
  return shown
}
