import { useState } from 'preact/hooks'
import type { TrackedItem } from '../../shared/api'
import { formatFollowUpCode, normalizeFollowUpCode } from '../../shared/follow-up-code'
import type { DeviceState } from './device-store'
import { lookUp } from './track-api'
import { TrackedView } from './TrackedView'
import { useScreenText } from './use-screen-text'

/** Any item, from any phone, by its follow-up code. */
export function Lookup({ device }: { device: DeviceState }) {
  const { s } = useScreenText()
  const [input, setInput] = useState('')
  const [found, setFound] = useState<{ code: string; item: TrackedItem } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [adopted, setAdopted] = useState(false)

  const onSubmit = async (event: Event) => {
    event.preventDefault()
    const canonical = normalizeFollowUpCode(input)
    setFound(null)
    setAdopted(false)
    if (!canonical) return setMessage(s('lookupInvalid'))
    setBusy(true)
    const result = await lookUp(canonical)
    setBusy(false)
    if (result.kind === 'found') {
      setMessage(null)
      setFound({ code: formatFollowUpCode(canonical), item: result.item })
    } else setMessage(result.kind === 'offline' ? s('lookupOffline') : result.kind === 'invalid' ? s('lookupInvalid') : s('lookupNotFound'))
  }

  return (
    <section class="card lookup">
      <h2>{s('lookupTitle')}</h2>
      <form onSubmit={onSubmit} class="row">
        <label for="follow-up-code">
          {s('followUpCode')}
        </label>
        <input id="follow-up-code" name="followUpCode" autoComplete="off" autoCapitalize="characters" spellcheck={false} placeholder="XXXX-XXXX-XXXX-XXXX" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy}>
          {s('lookup')}
        </button>
      </form>
      {message && <p class="notice" role="status">{message}</p>}
      {found && (
        <>
          {/* The item's own words: which item a code is, at a glance. */}
          <p class="meta">{s('yourText')}</p>
          <p class="text">{found.item.content}</p>
          <TrackedView code={found.code} item={found.item} onUpdated={(item) => setFound({ ...found, item })} />
          {device.phase === 'ready' && (
            <button type="button" disabled={adopted} onClick={() => void device.device.adopt(found.code, found.item).then(() => setAdopted(true), (error: unknown) => setMessage(s('saveFailed') + String((error as Error)?.message ?? error)))}>
              {s('addToMine')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
