import type { Context } from 'hono'
import { ApiError } from './api-error'

/** The request's JSON body, or an ApiError: 415 when it is not declared JSON, 400 when it does not parse. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) throw new ApiError('unsupported_media_type')
  const text = await c.req.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError('invalid_json')
  }
}
