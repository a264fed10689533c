import type { ComponentChildren } from 'preact'
import { ACTIONS, type Action } from '../../../shared/lifecycle'
import { Message } from '../ui/Message'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

interface Props {
  action: Action
  title: string
  onSubmit: () => Promise<void>
  /** Why the button must wait (photos still uploading), said beside it; empty when it need not. */
  wait?: string
  children?: ComponentChildren
}

/**
 * The frame of every action form: heading, fields, error text, one submit button named after
 * the action (受理, 交办, 答复 …) and toned by the lifecycle table.
 */
export function ActionForm({ action, title, onSubmit, wait = '', children }: Props) {
  const { s } = useText()
  const { busy, error, run } = useSubmit()
  const tone = ACTIONS[action].tone
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
      <button type="submit" class={tone === 'primary' ? 'adm-primary' : tone === 'danger' ? 'adm-danger' : undefined} disabled={busy || !!wait}>
        {s(action)}
      </button>
      {wait && <small class="adm-hint">{wait}</small>}
    </form>
  )
}
