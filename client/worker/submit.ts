import type { SubmitResponse } from '../../shared/api'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { deviceId } from '../../shared/uuid'
import { SubmitItemSchema, validate, type FieldError, type SubmitItemInput } from '../../shared/validation'
import { isQuotaError, type DeviceState } from './device-store'
import { browserFetch, postJson } from '../sync/request'
import type { DraftFields } from './draft'

// The form loads this module after first paint (SubmitForm.tsx): the error texts come with the
// checks that give the codes.
export { errorMessage } from '../../shared/errors'
// 添加照片 comes with the way into the outbox (photos are kept with the draft, so not before the
// device storage): the first load carries none of it.
export { PhotoSlot as PhotoField } from '../photos/PhotoSlot'

/** The item as the device will send it, with its id and follow-up code made here, offline. */
export function buildItem(fields: DraftFields, entryPoint: string, now = new Date()): SubmitItemInput {
  const item: SubmitItemInput = {
    id: deviceId(now.getTime()),
    followUpCode: newFollowUpCode(),
    entryPoint,
    category: fields.category as SubmitItemInput['category'],
    content: fields.content,
    anonymous: fields.anonymous,
    createdAt: now.toISOString(),
  }
  if (!fields.anonymous) {
    item.submitter = { name: fields.name }
    if (fields.employeeNo.trim()) item.submitter.employeeNo = fields.employeeNo
    if (fields.phone.trim()) item.submitter.phone = fields.phone
  }
  return item
}

/** The same schema the server runs: what fails here would fail there. */
export function checkItem(item: SubmitItemInput): FieldError[] {
  const result = validate(SubmitItemSchema, item)
  return result.ok ? [] : result.errors
}

export type SubmitResult =
  | { kind: 'queued'; id: string; code: string }
  | { kind: 'delivered'; id: string; code: string }
  | { kind: 'failed'; message: string | null; storage: 'ok' | 'failed' | 'full' }

/**
 * The outbox is the way in: the item is safe on the device before any network. Only where the
 * device cannot store anything (some in-app browsers, a full disk) is it sent directly.
 */
export async function submitItem(device: DeviceState, item: SubmitItemInput, entryName: string | null, lang: string): Promise<SubmitResult> {
  let storage: 'ok' | 'failed' | 'full' = device.phase === 'failed' ? (device.reason === 'full' ? 'full' : 'failed') : 'ok'
  if (device.phase === 'ready') {
    try {
      await device.device.enqueue(item, entryName)
      return { kind: 'queued', id: item.id, code: item.followUpCode }
    } catch (error) {
      // Fall through to a direct send: the worker's text must still get somewhere.
      storage = isQuotaError(error) ? 'full' : 'failed'
    }
  }
  const answer = await postJson(
    { fetch: browserFetch, lang },
    '/api/suggestions',
    { items: [item] },
    (status, body): body is SubmitResponse => status < 500 && Array.isArray((body as SubmitResponse | null)?.results),
  )
  if (!answer.ok) return { kind: 'failed', message: null, storage }
  const outcome = answer.body.results[0]
  if (outcome && outcome.result !== 'rejected') return { kind: 'delivered', id: item.id, code: item.followUpCode }
  return { kind: 'failed', message: outcome?.result === 'rejected' ? outcome.error.message : null, storage }
}
