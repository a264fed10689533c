import * as v from 'valibot'
import { ADMIN_LIMITS } from '../limits'
import { RATINGS } from '../ratings'
import { record } from '../validation'
import { clientId, optionalText, text, uuid } from './fields'

/** The worker's verdict on an answer, sent with the follow-up code. */
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

/** `POST /api/track/photo`: one photo of the worker's item (theirs, or a handler's report photo), as JPEG bytes. */
export const PhotoRequestSchema = record({ code: v.string(), photoId: uuid, thumb: v.optional(v.boolean()) })
