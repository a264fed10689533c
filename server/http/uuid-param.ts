import type { Context } from 'hono'
import type { FieldError } from '../../shared/validation'
import { ApiError } from './api-error'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The route parameter `name` as a lower-case UUID; anything else is a 404, like an id that does not exist. */
export function uuidParam(c: Context, name = 'id'): string {
  const value = c.req.param(name) ?? ''
  if (!UUID.test(value)) throw new ApiError('not_found')
  return value.toLowerCase()
}

/** Validation failures are answered with the first problem's code and every problem in `details`. */
export function invalid(errors: FieldError[]): ApiError {
  return new ApiError(errors[0]?.code ?? 'invalid_request', errors)
}
