/** Every size, length and count limit, in one place. Lengths count Unicode code points. */
export const LIMITS = {
  contentMin: 5,
  contentMax: 2000,
  nameMax: 50,
  employeeNoMax: 32,
  phoneMin: 5,
  phoneMax: 20,
  /** Items in one submission request. */
  batchMax: 100,
  /** Follow-up codes in one tracking request. */
  trackMax: 100,
  /** Bytes of one request body: 100 items of 2000 three-byte characters, with room for the rest. */
  bodyMaxBytes: 1024 * 1024,
  entryPointCodeMax: 32,
  /** Characters of a follow-up code without its dashes (80 bits in base32). */
  followUpCodeLength: 16,
} as const

// A QR point's code, as printed in its address: letters, digits, `_` and `-`.
const CODE_CHARS = 'A-Za-z0-9_\\-'

/** A QR point's code, for schemas and the server: the whole text must match. */
export const ENTRY_POINT_CODE = new RegExp(`^[${CODE_CHARS}]{1,${LIMITS.entryPointCodeMax}}$`)

/** The same rule as an input's `pattern` attribute (which matches the whole value). */
export const ENTRY_POINT_CODE_PATTERN = `[${CODE_CHARS}]{1,${LIMITS.entryPointCodeMax}}`

/** The range of a PostgreSQL `integer` column: every number a schema accepts for one lies in it. */
export const INT4 = { min: -2147483648, max: 2147483647 } as const

/** Length in code points, so that one Chinese character or one emoji counts as one. */
export function charLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** Lengths and counts of what reviewers write and ask for (the worker's are in `LIMITS`). */
export const ADMIN_LIMITS = {
  summaryMax: 200,
  tagMax: 20,
  tagsMax: 10,
  textMax: 2000,
  reasonMax: 500,
  placeMax: 100,
  displayNameMax: 50,
  passwordMin: 10,
  passwordMax: 200,
  pageMax: 100,
  searchMax: 50,
  /** Names of units and of QR points. */
  unitNameMax: 100,
  entryPointNameMax: 100,
  templateTitleMax: 50,
  /** The longest answer time a unit may promise its workers, in days. */
  replyWithinDaysMax: 365,
  usernameMin: 2,
  usernameMax: 32,
  setupTokenMax: 100,
  cursorMax: 200,
} as const

/**
 * The longest period of QR scans asked for at once, in days (each day of each point is a row).
 * Apart from `ADMIN_LIMITS`, which the worker's bundle carries, so that it does not grow.
 */
export const SCAN_DAYS_MAX = 366

