import * as v from 'valibot'
import { categoryIdSchema, type CategoryId } from './categories'
import { isErrorCode, type ErrorCode } from './errors'
import { normalizeFollowUpCode } from './follow-up-code'
import { ENTRY_POINT_CODE, LIMITS, charLength } from './limits'
import { lineSavable, normalizeLine, normalizeText, savable } from './text'
import { isInstant } from './time'
import { isUuid, isUuidV7 } from './uuid'

/**
 * The schemas of what a worker sends. The form runs them before an item enters the outbox,
 * and the route runs them again on arrival: one source, so the two can never disagree.
 * Each check's message is an error code from `errors.ts`.
 */

// valibot's object schemas take arrays for objects; the wire never has an array where an object goes.
/** A strict object schema that refuses arrays too. */
export const record = <E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'invalid_type'),
    v.strictObject(entries),
  )

/** A row's id (any UUID, either case), lower-cased as the database stores it. */
export const uuid = v.pipe(v.string(), v.check((s) => isUuid(s), 'invalid_request'), v.toLowerCase())

/** The code of a QR point, as it appears in its link. */
export const entryPointCode = v.pipe(
  v.string(),
  v.regex(ENTRY_POINT_CODE, 'unknown_entry_point'),
)

/** Long text (content, replies, reasons): newlines and tabs allowed, no other control character. */
export const longText = (min: number, max: number, tooShort: ErrorCode, tooLong: ErrorCode) =>
  v.pipe(
    v.string(),
    v.transform(normalizeText),
    v.check(savable, 'invalid_characters'),
    v.check((s) => charLength(s) >= min, tooShort),
    v.check((s) => charLength(s) <= max, tooLong),
  )

/** One line (a name, a title, a tag): no control, invisible or direction-changing characters. */
export const lineText = (min: number, max: number, tooShort: ErrorCode, tooLong: ErrorCode) =>
  v.pipe(
    v.string(),
    v.transform((s) => normalizeLine(normalizeText(s))),
    v.check(lineSavable, 'invalid_characters'),
    v.check((s) => charLength(s) >= min, tooShort),
    v.check((s) => charLength(s) <= max, tooLong),
  )

const optionalLine = (pattern: RegExp, code: ErrorCode) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform(normalizeText),
      v.check((s) => pattern.test(s), code),
    ),
  )

export const SubmitterSchema = record({
  name: lineText(1, LIMITS.nameMax, 'name_required', 'name_too_long'),
  employeeNo: optionalLine(new RegExp(`^[A-Za-z0-9-]{0,${LIMITS.employeeNoMax}}$`), 'employee_no_invalid'),
  phone: optionalLine(new RegExp(`^$|^\\+?[0-9][0-9 -]{${LIMITS.phoneMin - 2},${LIMITS.phoneMax - 2}}[0-9]$`), 'phone_invalid'),
})

/** An ISO 8601 instant with its offset, each part real, in the accepted range; made canonical. */
export const instant = v.pipe(
  v.string(),
  v.check(isInstant, 'invalid_date'),
  v.transform((s) => new Date(s).toISOString()),
)

/** One suggestion as the device sends it. */
export const SubmitItemSchema = v.pipe(
  record({
    id: v.pipe(v.string(), v.check((s) => isUuidV7(s), 'invalid_id')),
    followUpCode: v.pipe(
      v.string(),
      v.check((s) => normalizeFollowUpCode(s) !== null, 'invalid_follow_up_code'),
      v.transform((s) => normalizeFollowUpCode(s) as string),
    ),
    entryPoint: entryPointCode,
    // The shape here; whether the category exists and is offered is the server's to say.
    category: categoryIdSchema,
    content: longText(LIMITS.contentMin, LIMITS.contentMax, 'content_too_short', 'content_too_long'),
    anonymous: v.boolean(),
    submitter: v.optional(SubmitterSchema),
    createdAt: instant,
  }),
  v.forward(
    v.check((item) => !(item.anonymous && item.submitter), 'identity_not_allowed'),
    ['submitter'],
  ),
  v.forward(
    v.check((item) => item.anonymous || item.submitter !== undefined, 'name_required'),
    ['submitter'],
  ),
)

/** One item as the device builds and sends it (before normalisation). */
export interface SubmitItemInput {
  id: string
  followUpCode: string
  entryPoint: string
  category: CategoryId
  content: string
  anonymous: boolean
  submitter?: { name: string; employeeNo?: string; phone?: string }
  createdAt: string
}
/** A validated, normalised item: canonical follow-up code, trimmed text, ISO date. */
export type SubmitItem = v.InferOutput<typeof SubmitItemSchema>

/** The envelope of a submission: 1 to 100 items, each then validated on its own. */
export const SubmitBatchSchema = record({
  items: v.pipe(
    v.array(v.unknown()),
    v.minLength(1, 'batch_empty'),
    v.maxLength(LIMITS.batchMax, 'batch_too_large'),
  ),
})

/** Follow-up codes whose items the device wants to refresh. Invalid codes get a per-code answer. */
export const TrackRequestSchema = record({
  codes: v.pipe(
    v.array(v.string()),
    v.minLength(1, 'batch_empty'),
    v.maxLength(LIMITS.trackMax, 'batch_too_large'),
  ),
})

/** One problem with the input: where (`items.0.content`) and what (an error code). */
export interface FieldError {
  path: string
  code: ErrorCode
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

/** Runs `schema` and turns its issues into error codes with paths. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input)
  if (result.success) return { ok: true, value: result.output }
  return { ok: false, errors: result.issues.map(toFieldError) }
}

function toFieldError(issue: v.BaseIssue<unknown>): FieldError {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.')
  return { path, code: issueCode(issue) }
}

function issueCode(issue: v.BaseIssue<unknown>): ErrorCode {
  if (isErrorCode(issue.message)) return issue.message
  if (issue.kind === 'schema') {
    const last = issue.path?.at(-1)
    if (issue.expected === 'never') return 'unknown_field'
    if (last?.origin === 'key' || (last && last.value === undefined && issue.input === undefined)) return 'missing_field'
    return 'invalid_type'
  }
  return 'invalid_request'
}
