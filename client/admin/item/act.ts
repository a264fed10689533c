import type { ItemDetail } from '../../../shared/admin-api'
import { ACTIONS, type Action, type ActionBody } from '../../../shared/lifecycle'
import { errorMessage } from '../../../shared/errors'
import { validate } from '../../../shared/validation'
import { getLang } from '../../i18n/lang'
import { api, ApiFailure } from '../api'

/** What an action form sends; the item's version is added for it. */
export type ActBody<A extends Action> = Omit<ActionBody<A>, 'version'>
export type Act = <A extends Action>(action: A, body: ActBody<A>) => Promise<void>

/**
 * Sends one action with the version the reviewer saw. The shared schema runs first, as on the
 * server, so a missing field is named before any request.
 */
export async function sendAction<A extends Action>(item: ItemDetail, action: A, body: ActBody<A>): Promise<ItemDetail> {
  const full = { ...body, version: item.version }
  const checked = validate(ACTIONS[action].body, full)
  if (!checked.ok) {
    const code = checked.errors[0]!.code
    throw new ApiFailure(400, code, errorMessage(code, getLang()))
  }
  return api.post<ItemDetail>(`/api/admin/items/${item.id}/${action}`, checked.value)
}
