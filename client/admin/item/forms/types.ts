import type { ItemDetail } from '../../../../shared/admin-api'
import type { Act } from '../act'

export interface FormProps {
  item: ItemDetail
  act: Act
}

/** Tags as typed: separated by commas (either width), enumeration commas or spaces. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean))]
}
