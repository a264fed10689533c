/** The prefix of every readable item number: 意见 (yijian). */
export const ITEM_NUMBER_PREFIX = 'YJ'

/**
 * An item's readable number, `YJ-2026-0001`: the China year it arrived and its place in that
 * year, at least four digits (`YJ-2026-12345` past 9999).
 */
export function itemNumber(year: number, seq: number): string {
  return `${ITEM_NUMBER_PREFIX}-${year}-${String(seq).padStart(4, '0')}`
}

/**
 * The year and place named by a search text, any case: `YJ-2026-0001`, `yj-2026-1`, `2026-0001`;
 * null for anything else (a bare `0001` names an item in every year).
 */
export function parseItemNumber(text: string): { year: number; seq: number } | null {
  const m = new RegExp(`^\\s*(?:${ITEM_NUMBER_PREFIX}-?)?(\\d{4})-(\\d{1,9})\\s*$`, 'i').exec(text)
  if (!m) return null
  const seq = Number(m[2])
  return seq > 0 ? { year: Number(m[1]), seq } : null
}
