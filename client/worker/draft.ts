import { useEffect, useRef } from 'preact/hooks'
import type { DraftRow } from '../local-db/db'
import type { Device } from '../local-db/device'

export type DraftFields = Omit<DraftRow, 'key' | 'updatedAt'>

export const EMPTY_DRAFT: DraftFields = { category: '', content: '', anonymous: false, name: '', employeeNo: '', phone: '' }

// A synchronous copy in localStorage survives a tab closed before IndexedDB finished writing;
// IndexedDB is the durable copy. On restore the newer of the two wins.
export const MIRROR = 'yj.draft'
/** The form's id: the inline early-draft script finds the prerendered form by it. */
export const FORM_ID = 'submit-form'

export function isEmptyDraft(draft: DraftFields): boolean {
  return draft.content.trim() === '' && draft.name.trim() === '' && draft.category === ''
}

export function readMirror(): DraftRow | null {
  try {
    const raw = localStorage.getItem(MIRROR)
    return raw ? (JSON.parse(raw) as DraftRow) : null
  } catch {
    return null
  }
}

function writeMirror(draft: DraftRow | null): void {
  try {
    if (draft) localStorage.setItem(MIRROR, JSON.stringify(draft))
    else localStorage.removeItem(MIRROR)
  } catch {
    // Quota or privacy mode: IndexedDB still holds the draft.
  }
}

export function forgetDraft(device: Device | null): Promise<void> {
  writeMirror(null)
  return device ? device.clearDraft() : Promise.resolve()
}

/** Makes `fields` the draft at once (e.g. a refused item brought back to be edited). */
export async function putDraft(device: Device | null, fields: DraftFields): Promise<void> {
  const row: DraftRow = { key: 'current', ...fields, updatedAt: Date.now() }
  writeMirror(row)
  await device?.saveDraft(row)
}

export async function restoreDraft(device: Device | null): Promise<DraftRow | null> {
  const mirror = readMirror()
  const stored = device ? ((await device.loadDraft().catch(() => undefined)) ?? null) : null
  if (!mirror) return stored
  if (!stored) return mirror
  return mirror.updatedAt > stored.updatedAt ? mirror : stored
}

export interface DraftSaver {
  /** Stops saving (a submission is under way): a save still pending must not bring the sent words back. */
  hold(): void
  /** Saves again (the submission did not get anywhere: the words are still the draft). */
  release(): void
}

/**
 * Saves the draft as the worker types: the mirror at once, IndexedDB after a pause of
 * `delayMs`, and both immediately when the page is hidden (phone locked, tab switched, closed).
 */
export function useDraftSaver(draft: DraftFields, device: Device | null, enabled: boolean, onError: (error: unknown) => void, delayMs = 400): DraftSaver {
  const latest = useRef(draft)
  latest.current = draft
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const held = useRef(false)

  const toRow = (): DraftRow | null => (isEmptyDraft(latest.current) ? null : { key: 'current', ...latest.current, updatedAt: Date.now() })

  const saveDurably = () => {
    clearTimeout(timer.current)
    if (!enabled || held.current) return
    const row = toRow()
    writeMirror(row)
    if (!device) return
    ;(row ? device.saveDraft(row) : device.clearDraft()).catch(onError)
  }

  useEffect(() => {
    if (held.current) return
    if (!enabled) {
      // Before the stored draft is restored: typed words go to the mirror at once (no database
      // needed), but an empty form must not erase a draft that is still to be restored.
      const row = toRow()
      if (row) writeMirror(row)
      return
    }
    writeMirror(toRow())
    clearTimeout(timer.current)
    timer.current = setTimeout(saveDurably, delayMs)
  }, [draft, enabled, device])

  // A timer left behind by a form that went away would save the words it last saw.
  useEffect(() => () => clearTimeout(timer.current), [])

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') saveDurably()
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', saveDurably)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', saveDurably)
    }
  }, [enabled, device])

  return {
    hold: () => {
      held.current = true
      clearTimeout(timer.current)
    },
    release: () => {
      held.current = false
    },
  }
}
