import * as v from 'valibot'
import { ADMIN_LIMITS, INT4 } from '../limits'
import { isCalendarDay, isInstant } from '../time'
import { isUuidV7 } from '../uuid'
import { lineText, longText, uuid } from '../validation'

/**
 * The fields reviewers' and workers' requests are made of, shared by the schemas beside this
 * file. Messages are error codes from `errors.ts`.
 */

/** Long text (a reply, a reason, a note): 1 to `max` characters, newlines allowed. */
export const text = (max: number) => longText(1, max, 'text_required', 'text_too_long')
/** One line (a summary, a place, a name). */
export const line = (max: number) => lineText(1, max, 'text_required', 'text_too_long')
/** Optional text may be sent empty, which means none. */
export const optionalText = (max: number) => v.optional(longText(0, max, 'text_required', 'text_too_long'))
export const optionalLine = (max: number) => v.optional(lineText(0, max, 'text_required', 'text_too_long'))

/** An id, any case: the one UUID check (`shared/uuid.ts`). */
export { uuid }
/** An item's version, as the reviewer saw it: a positive int4, like its column. */
export const version = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(INT4.max))

/** A calendar day `YYYY-MM-DD` in the accepted range. */
export const calendarDay = v.pipe(v.string(), v.check(isCalendarDay, 'invalid_date'))
/** A calendar day, or an ISO instant with its offset. */
export const day = v.pipe(v.string(), v.check((s) => isCalendarDay(s) || isInstant(s), 'invalid_date'))

/** Usernames are made of these; anything else cannot be one, so a login never looks it up. */
export const USERNAME = new RegExp(`^[a-z0-9._-]{${ADMIN_LIMITS.usernameMin},${ADMIN_LIMITS.usernameMax}}$`)

export const username = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(USERNAME, 'invalid_username'))
export const password = v.pipe(
  v.string(),
  v.minLength(ADMIN_LIMITS.passwordMin, 'password_too_short'),
  v.maxLength(ADMIN_LIMITS.passwordMax, 'text_too_long'),
)
export const displayName = line(ADMIN_LIMITS.displayNameMax)

/** The device's id for a verdict or message queued offline: a replay of it is harmless. */
export const clientId = v.optional(v.pipe(v.string(), v.check((s) => isUuidV7(s), 'invalid_id')))
