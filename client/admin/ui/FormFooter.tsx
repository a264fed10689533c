import { Message } from './Message'

/** The end of every admin form: its error or confirmation, and the submit button. */
export function FormFooter({ busy, error, done, label }: { busy: boolean; error: string; done: string; label: string }) {
  return (
    <>
      <Message text={error} />
      <Message text={done} ok />
      <button type="submit" class="adm-primary" disabled={busy}>
        {label}
      </button>
    </>
  )
}
