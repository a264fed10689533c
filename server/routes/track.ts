import { Hono } from 'hono'
import { TrackRequestSchema, validate } from '../../shared/validation'
import { trackCodes } from '../domain/track'
import { ApiError, sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'

/** Status and public timeline by follow-up code. POST, so that codes stay out of URLs and logs. */
export const trackRoute = new Hono<AppEnv>()
  .post('/', async (c) => {
    const request = validate(TrackRequestSchema, await readJson(c))
    if (!request.ok) throw new ApiError(request.errors[0]!.code, request.errors)
    return c.json(await trackCodes(c.get('db'), request.value.codes))
  })
  .all('/', (c) => sendError(c, 'method_not_allowed'))
