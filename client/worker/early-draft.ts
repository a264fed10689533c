import type { DraftFields } from './draft'

declare global {
  interface Window {
    /** Set by the inline script: the prerendered form's fields as the worker typed them before the app ran. */
    __yjEarlyDraft?: { fields(): DraftFields; stop(): void }
  }
}

/**
 * Runs inline in index.html, before any module arrives (on a weak link the app's script comes
 * seconds after the prerendered form): keeps what the worker types in the draft mirror from the
 * first keystroke, and hands the fields to the app when it takes the form over. Self-contained:
 * it is serialised into the page, so it may use nothing from outside.
 */
export function keepEarlyDraft(storageKey: string, formId: string): void {
  const form = document.getElementById(formId) as HTMLFormElement | null
  if (!form) return
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null
  const fields = () => ({
    category: field('category')?.value ?? '',
    content: field('content')?.value ?? '',
    anonymous: field('anonymous')?.checked ?? false,
    name: field('name')?.value ?? '',
    employeeNo: field('employeeNo')?.value ?? '',
    phone: field('phone')?.value ?? '',
  })
  const save = () => {
    const now = fields()
    if (!now.content.trim() && !now.name.trim() && !now.category) return
    try {
      localStorage.setItem(storageKey, JSON.stringify({ key: 'current', ...now, updatedAt: Date.now() }))
    } catch {
      // No storage: the words still reach the app through fields().
    }
  }
  form.addEventListener('input', save)
  form.addEventListener('change', save)
  window.__yjEarlyDraft = {
    fields,
    stop: () => {
      form.removeEventListener('input', save)
      form.removeEventListener('change', save)
    },
  }
}
