import * as v from 'valibot'
import { categoryIdSchema } from './categories'
import { categoryFilter } from './category-validation'
import { charLength, INT4 } from './limits'
import { STATUSES } from './lifecycle'
import { OUTCOMES, RATINGS, REPLY_CHANNELS, ROLES } from './roles'
import { lineSavable, normalizeText } from './text'
import { isCalendarDay, isInstant } from './time'
import { lineText, longText, record } from './validation'
import { isUuidV7 } from './uuid'

/**
 * Schemas of what reviewers send, shared by the admin views and the routes. Messages are
 * error codes from `errors.ts`.
 */

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
} as const

/** Long text (a reply, a reason, a note): 1 to `max` characters, newlines allowed. */
const text = (max: number) => longText(1, max, 'text_required', 'text_too_long')
/** One line (a summary, a place, a name). */
const line = (max: number) => lineText(1, max, 'text_required', 'text_too_long')
/** Optional text may be sent empty, which means none. */
const optionalText = (max: number) => v.optional(longText(0, max, 'text_required', 'text_too_long'))
const optionalLine = (max: number) => v.optional(lineText(0, max, 'text_required', 'text_too_long'))

const uuid = v.pipe(v.string(), v.uuid('invalid_request'), v.toLowerCase())
/** An item's version, as the reviewer saw it: a positive int4, like its column. */
const version = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4.max))

/** A calendar day `YYYY-MM-DD` in the accepted range. */
const calendarDay = v.pipe(v.string(), v.check(isCalendarDay, 'invalid_date'))
/** A calendar day, or an ISO instant with its offset. */
const day = v.pipe(v.string(), v.check((s) => isCalendarDay(s) || isInstant(s), 'invalid_date'))

/** Usernames are made of these; anything else cannot be one, so a login never looks it up. */
const USERNAME = /^[a-z0-9._-]{2,32}$/

export const LoginSchema = record({
  username: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(USERNAME, 'invalid_credentials')),
  password: v.pipe(v.string(), v.maxLength(ADMIN_LIMITS.passwordMax, 'invalid_credentials')),
})

const classification = {
  category: v.optional(categoryIdSchema),
  summary: optionalLine(ADMIN_LIMITS.summaryMax),
  tags: v.optional(v.pipe(v.array(line(ADMIN_LIMITS.tagMax)), v.maxLength(ADMIN_LIMITS.tagsMax, 'text_too_long'))),
  proposal: v.optional(v.boolean()),
}

/** The body of each reviewer action on an item. `version` is the item version the reviewer saw. */
export const ACTION_SCHEMAS = {
  accept: record({ version, ...classification }),
  classify: record({ version, ...classification }),
  decline: record({ version, reason: text(ADMIN_LIMITS.reasonMax) }),
  merge: record({ version, into: uuid }),
  dispatch: record({
    version,
    unitId: uuid,
    leaderId: uuid,
    responsibleId: uuid,
    deadline: day,
    instructions: optionalText(ADMIN_LIMITS.textMax),
  }),
  report: record({
    version,
    assignmentId: uuid,
    outcome: v.picklist(OUTCOMES, 'invalid_request'),
    text: text(ADMIN_LIMITS.textMax),
  }),
  reply: v.pipe(
    record({
      version,
      text: text(ADMIN_LIMITS.textMax),
      channel: v.picklist(REPLY_CHANNELS, 'invalid_reply_channel'),
      meetingAt: v.optional(day),
      meetingPlace: optionalLine(ADMIN_LIMITS.placeMax),
      /** Show the officer's name to the worker with the reply. */
      showName: v.optional(v.boolean()),
    }),
    v.forward(
      v.check((r) => r.channel !== 'face_to_face' || (!!r.meetingAt && !!r.meetingPlace), 'invalid_reply_channel'),
      ['meetingPlace'],
    ),
  ),
  close: record({ version }),
  reopen: record({ version, reason: text(ADMIN_LIMITS.reasonMax) }),
  note: record({ version: v.optional(version), text: text(ADMIN_LIMITS.textMax) }),
  reveal: record({ version: v.optional(version), userId: uuid, reason: text(ADMIN_LIMITS.reasonMax) }),
} as const

export type ItemActionName = keyof typeof ACTION_SCHEMAS
export const ITEM_ACTIONS = Object.keys(ACTION_SCHEMAS) as ItemActionName[]
export type ActionBody<A extends ItemActionName> = v.InferOutput<(typeof ACTION_SCHEMAS)[A]>

/** The worker's verdict on an answer, sent with the follow-up code. */
/** The device's id for a verdict or message queued offline: a replay of it is harmless. */
const clientId = v.optional(v.pipe(v.string(), v.check((s) => isUuidV7(s), 'invalid_id')))

export const RateSchema = record({
  id: clientId,
  code: v.string(),
  rating: v.picklist(RATINGS, 'invalid_rating'),
  message: optionalText(ADMIN_LIMITS.textMax),
})

/** A follow-up message from the worker on their own item. */
export const WorkerMessageSchema = record({
  id: clientId,
  code: v.string(),
  text: text(ADMIN_LIMITS.textMax),
})

const username = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(USERNAME, 'invalid_username'))
const password = v.pipe(
  v.string(),
  v.minLength(ADMIN_LIMITS.passwordMin, 'password_too_short'),
  v.maxLength(ADMIN_LIMITS.passwordMax, 'text_too_long'),
)
const displayName = line(ADMIN_LIMITS.displayNameMax)

export const CreateUserSchema = record({
  username,
  displayName,
  role: v.picklist(ROLES, 'invalid_role'),
  unitId: uuid,
  password,
})

/** The first admin, created through the one-time link the server prints on a fresh install. */
export const FirstAdminSchema = record({
  token: v.pipe(v.string(), v.maxLength(100, 'setup_token_invalid')),
  username,
  displayName,
  password,
})

export const UpdateUserSchema = record({
  displayName: v.optional(displayName),
  role: v.optional(v.picklist(ROLES, 'invalid_role')),
  unitId: v.optional(uuid),
  active: v.optional(v.boolean()),
  password: v.optional(password),
})

export const ChangePasswordSchema = record({ current: v.string(), next: password })

export const UNIT_KINDS = ['company', 'plant', 'area', 'office', 'central_station', 'station', 'team'] as const

/** A unit's place among its siblings: an int4, like its column. */
const sort = v.optional(v.pipe(v.number(), v.integer('invalid_request'), v.minValue(INT4.min, 'invalid_request'), v.maxValue(INT4.max, 'invalid_request')))

export const CreateUnitSchema = record({
  parentId: uuid,
  name: line(100),
  kind: v.picklist(UNIT_KINDS, 'invalid_request'),
  sort,
})

export const UpdateUnitSchema = record({
  name: v.optional(line(100)),
  kind: v.optional(v.picklist(UNIT_KINDS, 'invalid_request')),
  sort,
})

export const CreateEntryPointSchema = record({
  code: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_request')),
  name: line(100),
  unitId: uuid,
})

export const UpdateEntryPointSchema = record({
  name: v.optional(line(100)),
  unitId: v.optional(uuid),
  active: v.optional(v.boolean()),
})

/** The union's promised days to answer (shown to the worker after submitting); null: no promise. */
export const ReplyPromiseSchema = record({
  days: v.nullable(v.pipe(v.number(), v.integer('invalid_request'), v.minValue(1, 'invalid_request'), v.maxValue(365, 'invalid_request'))),
})

export const TemplateSchema = record({ title: line(50), body: text(ADMIN_LIMITS.textMax) })

const flag = v.optional(v.picklist(['0', '1'], 'invalid_query'))
const list = <T extends string>(allowed: readonly T[]) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => s.split(',').filter(Boolean)),
      v.check((xs) => xs.every((x) => (allowed as readonly string[]).includes(x)), 'invalid_query'),
      v.transform((xs) => xs as T[]),
    ),
  )

/** The inbox's filters, as query-string values. */
export const ItemQuerySchema = record({
  status: list(STATUSES),
  category: categoryFilter,
  rating: list(RATINGS),
  unitId: v.optional(uuid),
  entryPoint: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_query'))),
  from: v.optional(calendarDay),
  to: v.optional(calendarDay),
  overdue: flag,
  proposal: flag,
  q: v.optional(
    v.pipe(
      v.string(),
      v.transform(normalizeText),
      v.check(lineSavable, 'invalid_query'),
      v.check((s) => charLength(s) <= ADMIN_LIMITS.searchMax, 'invalid_query'),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, 'invalid_cursor'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.check((n) => Number.isInteger(n) && n >= 1 && n <= ADMIN_LIMITS.pageMax, 'invalid_query'),
    ),
  ),
})

export type ItemQuery = v.InferOutput<typeof ItemQuerySchema>
