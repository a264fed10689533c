import type { ComponentChildren } from 'preact'
import { Message } from '../ui/Message'
import { useSubmit } from '../ui/use-submit'

interface Props {
  title: string
  /** The button's text: the action's own name (受理, 交办, 答复 …). */
  button: string
  onSubmit: () => Promise<void>
  danger?: boolean
  children?: ComponentChildren
}

/** The frame of every action form: heading, fields, error text, one submit button. */
export function ActionForm({ title, button, onSubmit, danger, children }: Props) {
  const { busy, error, run } = useSubmit()
  return (
    <form
      class="adm-card adm-action"
      onSubmit={(e) => {
        e.preventDefault()
        void run(onSubmit)
      }}
    >
      <h2>{title}</h2>
      {children}
      <Message text={error} />
      <button type="submit" class={danger ? 'adm-danger' : 'adm-primary'} disabled={busy}>
        {button}
      </button>
    </form>
  )
}
