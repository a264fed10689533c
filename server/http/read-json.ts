import type { Context } from 'hono'
import { ApiError } from './api-error'

// Fatal: a byte sequence that is not UTF-8 is refused, never quietly turned into U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * The request's JSON body, or an ApiError: 415 when it is not declared JSON, 400 when it is not
 * UTF-8 (the worker's words would arrive damaged) or does not parse.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) throw new ApiError('unsupported_media_type')
  const bytes = await c.req.arrayBuffer()
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new ApiError('invalid_encoding')
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError('invalid_json')
  }
}
