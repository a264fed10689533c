import type { ItemDetail, Me } from '../../../../shared/admin-api'
import type { Action } from '../../../../shared/lifecycle'
import type { Act } from '../act'

/** What every action form gets: the item, the sender, the reviewer, and the action it asks for. */
export interface FormProps<A extends Action = Action> {
  item: ItemDetail
  act: Act
  me: Me
  action: A
}

/** Tags as typed: separated by commas (either width), enumeration commas or spaces. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean))]
}
