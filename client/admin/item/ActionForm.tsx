import type { ComponentChildren } from 'preact'
import { Message } from '../ui/Message'
import { useSubmit } from '../ui/use-submit'

interface Props {
  title: string
  /** The button's text: the action's own name (受理, 交办, 答复 …). */
  button: string
  onSubmit: () => Promise<void>
  /** The next step of the item's life is red; side actions are plain; declining is outlined red. */
  tone?: 'primary' | 'plain' | 'danger'
  children?: ComponentChildren
}

/** The frame of every action form: heading, fields, error text, one submit button. */
export function ActionForm({ title, button, onSubmit, tone = 'primary', children }: Props) {
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
      <button type="submit" class={tone === 'primary' ? 'adm-primary' : tone === 'danger' ? 'adm-danger' : undefined} disabled={busy}>
        {button}
      </button>
    </form>
  )
}
