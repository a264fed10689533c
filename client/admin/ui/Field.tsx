import type { ComponentChildren } from 'preact'

/** A labelled control: `id` must be the control's id, so the label names it for screen readers and tests. */
export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="adm-field">
      <label for={id}>{label}</label>
      {children}
      {hint && <small class="adm-hint">{hint}</small>}
    </div>
  )
}
