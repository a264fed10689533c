import { ApiFailure, failureText } from '../api'
import { Message } from '../ui/Message'
import { useText } from '../use-text'

/**
 * Why no QR code can be drawn: for `public_origin_required`, the server's sentence on what to
 * configure and the address this page was opened at (what the code would have carried).
 */
export function OriginNotice({ failure }: { failure: unknown }) {
  const { s } = useText()
  if (!failure) return null
  if (!(failure instanceof ApiFailure && failure.code === 'public_origin_required')) return <Message text={failureText(failure)} />
  return (
    <div class="adm-msg adm-msg-error adm-origin-notice" role="alert">
      <p>{failure.message}</p>
      <p>{s('originRefusedNow').replace('{origin}', location.origin)}</p>
    </div>
  )
}
