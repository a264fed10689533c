import { ApiFailure, failureText } from '../api'
import { Message } from '../ui/Message'
import { useText } from '../use-text'

/**
 * Why no QR code can be drawn: for `public_origin_required`, the server's short refusal, then
 * (here, not in the worker's bundle) why this address will not do and what to configure.
 */
export function OriginNotice({ failure }: { failure: unknown }) {
  const { s } = useText()
  if (!failure) return null
  if (!(failure instanceof ApiFailure && failure.code === 'public_origin_required')) return <Message text={failureText(failure)} />
  return (
    <div class="adm-msg adm-msg-error adm-origin-notice" role="alert">
      <p>
        <strong>{failure.message}</strong>
      </p>
      <p>{s('originWhy').replace('{origin}', location.origin)}</p>
      <p>{s('originHowTo')}</p>
    </div>
  )
}
