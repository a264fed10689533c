import { useState } from 'preact/hooks'
import { useText } from '../use-text'

/** Renaming in place: a labelled text box with 保存 and 取消. */
export function RenameForm(props: { id: string; label: string; initial: string; maxLength: number; busy: boolean; onSave(name: string): void; onCancel(): void }) {
  const { s } = useText()
  const [name, setName] = useState(props.initial)
  return (
    <form
      class="adm-list-main"
      onSubmit={(e) => {
        e.preventDefault()
        props.onSave(name)
      }}
    >
      <label for={props.id} class="adm-visually-hidden">
        {props.label}
      </label>
      <input id={props.id} required maxLength={props.maxLength} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <button type="submit" class="adm-primary" disabled={props.busy}>
        {s('save')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {s('cancel')}
      </button>
    </form>
  )
}
