/**
 * What text may hold, defined once for every schema: PostgreSQL must be able to store it (no NUL,
 * no lone surrogate), a reader must be able to see it (no control characters), and a one-line
 * name must look like what it is (no invisible characters, no text-direction tricks).
 */

// NUL and the other C0 controls but newline and tab, DEL, the C1 controls, and lone surrogates.
const UNSAVABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

// On one line, also: tab and newline, and characters that show nothing or turn the text around
// (soft hyphen, zero-width and joiner characters, direction marks, embeddings and overrides,
// isolates, fillers, variation selectors, the byte-order mark, tag characters).
const NOT_ON_A_LINE =
  /[\t\n\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]|\udb40[\udc00-\uddef]/

// Spaces of every width (the ideographic space a Chinese keyboard types among them).
const SPACES = /[\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g

/** Free text, the same on device and server: CRLF and CR to LF, trimmed. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

/** One line of text (a name, a title, a tag): every run of spaces is one plain space, trimmed. */
export function normalizeLine(text: string): string {
  return text.replace(SPACES, ' ').trim()
}

/** False for text PostgreSQL cannot store or that carries control characters (newline and tab are fine). */
export function savable(text: string): boolean {
  return !UNSAVABLE.test(text)
}

/** False for a line that could not be stored, or that breaks, hides characters or turns direction. */
export function lineSavable(text: string): boolean {
  return savable(text) && !NOT_ON_A_LINE.test(text)
}

/**
 * What two names are told apart by: full-width and half-width forms, compatibility characters
 * and letter case do not make a different name (`第一中心站` and `第一中心站 `, `Ａ区` and `a区`).
 */
export function nameKey(name: string): string {
  return normalizeLine(name.normalize('NFKC')).toLowerCase()
}
