import { useEffect, useRef, useState } from 'preact/hooks'
import { labelOf } from '../../shared/category-labels'
import { LIMITS, charLength } from '../../shared/limits'
import type { FieldError } from '../../shared/validation'
import type { DeviceState } from './device-store'
import { isQuotaError, startDevice } from './device-store'
import { EMPTY_DRAFT, FORM_ID, forgetDraft, restoreDraft, useDraftSaver, type DraftFields } from './draft'
import { entryCode, placeLabel, type EntryPoint } from './entry-point'
import { useCategories } from './categories'
import { lazy, useLazy } from './lazy'
import type { SubmitResult } from './submit'
import { useText } from './use-text'

// The checks (the shared schema), the error texts and the way into the outbox: fetched right
// after first paint, with the device storage; typing needs none of them.
const submitPath = lazy(() => import('./submit'))
// Only for a worker who came without a QR code.
const placePicker = lazy(() => import('./PlacePicker'))

interface Props {
  place: EntryPoint
  device: DeviceState
  onDone(result: Extract<SubmitResult, { kind: 'queued' | 'delivered' }>): void
  /** Tells the app whether unsent words are on screen (an update waits for them). */
  onDirty(dirty: boolean): void
  /** What the worker typed into the prerendered form before the app took it over. */
  initial?: DraftFields
}

export function SubmitForm({ place, device, onDone, onDirty, initial }: Props) {
  const { lang, s, l } = useText()
  const entry = place.state
  const [fields, setFields] = useState<DraftFields>(initial ?? EMPTY_DRAFT)
  const [restored, setRestored] = useState<'no' | 'yes' | 'done'>('no')
  const [errors, setErrors] = useState<FieldError[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const ready = device.phase === 'ready' ? device.device : null
  const latest = useRef(fields)
  const path = useLazy(submitPath)
  const choosing = !place.scanned && entry.kind !== 'pending'
  const picker = useLazy(placePicker, choosing)
  const offered = useCategories().filter((c) => !c.retired)
  // A draft's category that is no longer offered reads as not chosen yet (the worker picks again).
  const category = offered.some((c) => c.id === fields.category) ? fields.category : ''
  latest.current = fields

  // Restore once the device storage is known (or known to be missing), never over typed text.
  useEffect(() => {
    if (device.phase === 'loading' || restored !== 'no') return
    void restoreDraft(ready).then((draft) => {
      const typed = latest.current
      if (draft && !typed.content && !typed.name) {
        setFields({ category: draft.category, content: draft.content, anonymous: draft.anonymous, name: draft.name, employeeNo: draft.employeeNo, phone: draft.phone })
        setNotice(s('draftRestored'))
      }
      setRestored('done')
    })
  }, [device.phase])

  const saver = useDraftSaver(fields, ready, restored === 'done', (error) => setNotice(s('saveFailed') + (isQuotaError(error) ? s('storageFull') : String((error as Error)?.message ?? error))))
  // One press of 提交 is one item, however fast the second press comes (state updates are not yet rendered).
  const sending = useRef(false)
  useEffect(() => onDirty(fields.content.trim() !== ''), [fields.content])

  const set = (patch: Partial<DraftFields>) => setFields((f) => ({ ...f, ...patch }))
  const code = entryCode(entry)
  const errorFor = (...paths: string[]) => {
    const found = errors.find((e) => paths.includes(e.path))
    return found && path ? path.errorMessage(found.code, lang) : null
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault()
    if (sending.current) return
    sending.current = true
    const pressed = { ...fields, category }
    // Pressed before the submit path arrived: wait for it (busy meanwhile).
    if (!submitPath.now()) setBusy(true)
    const submit = await submitPath.get().catch(() => null)
    if (!submit) {
      // Offline before the service worker kept it: nothing is checked or stored, the words stay the draft.
      setBusy(false)
      setNotice(s('offlineAction'))
      sending.current = false
      return
    }
    const item = submit.buildItem(pressed, code ?? '')
    const problems = submit.checkItem(item)
    setErrors(problems)
    if (problems.length) {
      setBusy(false)
      setNotice(null)
      sending.current = false
      return
    }
    saver.hold()
    setBusy(true)
    // Pressed before the device storage finished opening: wait for it, the outbox is the way in.
    const storage = device.phase === 'loading' ? await startDevice() : device
    const result = await submit.submitItem(storage, item, entry.kind === 'known' ? entry.info.name : null, lang)
    setBusy(false)
    if (result.kind === 'failed') {
      // Not stored on the phone and not sent: say which, so the worker knows what to fix.
      const storage = result.storage === 'full' ? s('storageFull') : result.storage === 'failed' ? s('storageFailed') : null
      setNotice([result.message ?? s('offlineAction'), storage].filter(Boolean).join(' '))
      sending.current = false
      saver.release()
      return
    }
    await forgetDraft(ready).catch(() => undefined)
    setFields({ ...EMPTY_DRAFT, anonymous: fields.anonymous })
    setNotice(null)
    onDone(result)
  }

  const length = charLength(fields.content.trim())
  return (
    // method and action serve a browser that never runs this script: it posts the form as it is.
    <form id={FORM_ID} class="card form" method="post" action="/submit" onSubmit={onSubmit} noValidate>
      {choosing && picker ? (
        <picker.PlacePicker code={code} onChoose={place.choose} />
      ) : (
        <p class="from">
          {s('from')}
          <strong>{entry.kind === 'pending' || choosing ? '…' : entry.kind === 'known' ? placeLabel(entry.info) : (code ?? s('fromUnknown'))}</strong>
        </p>
      )}
      {entry.kind === 'unknown' && path && <p class="error">{path.errorMessage('unknown_entry_point', lang)}</p>}
      {errorFor('entryPoint') && <p class="error">{code ? errorFor('entryPoint') : s('choosePlaceHint')}</p>}

      <label for="category">{s('category')}</label>
      <select id="category" name="category" value={category} onChange={(e) => set({ category: e.currentTarget.value })} aria-invalid={!!errorFor('category')}>
        <option value="">{s('chooseCategory')}</option>
        {offered.map((c) => (
          <option key={c.id} value={c.id}>
            {labelOf(c, lang)}
          </option>
        ))}
      </select>
      {errorFor('category') && <p class="error">{errorFor('category')}</p>}

      <label for="content">{s('content')}</label>
      <textarea id="content" name="content" rows={6} maxLength={LIMITS.contentMax + 200} placeholder={s('contentHint')} value={fields.content} onInput={(e) => set({ content: e.currentTarget.value })} aria-invalid={!!errorFor('content')} />
      <p class={length > LIMITS.contentMax ? 'count error' : 'count'}>
        {length} / {LIMITS.contentMax} {s('chars')}
      </p>
      {errorFor('content') && <p class="error">{errorFor('content')}</p>}
      {path && <path.PhotoField device={device} />}

      <label class="check">
        <input type="checkbox" name="anonymous" checked={fields.anonymous} onChange={(e) => set({ anonymous: e.currentTarget.checked })} />
        {s('anonymous')}
      </label>
      {fields.anonymous ? (
        <p class="hint">{s('anonymousHint')}</p>
      ) : (
        <fieldset class="identity">
          <label for="name">{s('name')}</label>
          <input id="name" name="name" autoComplete="name" value={fields.name} onInput={(e) => set({ name: e.currentTarget.value })} aria-invalid={!!errorFor('submitter', 'submitter.name')} />
          {errorFor('submitter', 'submitter.name') && <p class="error">{errorFor('submitter', 'submitter.name')}</p>}
          <label for="employeeNo">{s('employeeNo')}</label>
          <input id="employeeNo" name="employeeNo" value={fields.employeeNo} onInput={(e) => set({ employeeNo: e.currentTarget.value })} />
          {errorFor('submitter.employeeNo') && <p class="error">{errorFor('submitter.employeeNo')}</p>}
          <label for="phone">{s('phone')}</label>
          <input id="phone" name="phone" type="tel" autoComplete="tel" value={fields.phone} onInput={(e) => set({ phone: e.currentTarget.value })} />
          {errorFor('submitter.phone') && <p class="error">{errorFor('submitter.phone')}</p>}
        </fieldset>
      )}

      {notice && <p class="notice" role="status">{notice}</p>}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? s('submitting') : s('submit')}
      </button>
    </form>
  )
}
