import type { Context, MiddlewareHandler } from 'hono'
import * as v from 'valibot'
import type { ErrorCode } from '../../shared/errors'
import { uuid, validate, type FieldError } from '../../shared/validation'
import { ApiError } from './api-error'
import type { AppEnv } from './env'
import { readJson } from './read-json'

type Target = 'json' | 'query' | 'param'

/** What Hono's `c.req.valid(target)` gives the handler: the schema's output. */
type Validated<T extends Target, S extends v.GenericSchema> = {
  in: { [K in T]: v.InferInput<S> }
  out: { [K in T]: v.InferOutput<S> }
}

export interface ValidateOptions {
  /** Every failure is answered with this code and no details (a login says nothing of what was wrong). */
  refuse?: ErrorCode
  /** Query keys the route reads itself, left out of the schema's input. */
  ignore?: string[]
}

// A query string has no types and no nesting: a malformed one is a bad filter, whatever the
// schema's generic complaint; a specific code (invalid_date, invalid_cursor) says more and stays.
const GENERIC: ReadonlySet<ErrorCode> = new Set(['unknown_field', 'missing_field', 'invalid_type', 'invalid_request'])

function refusal(target: Target, errors: FieldError[], options: ValidateOptions): ApiError {
  if (options.refuse) return new ApiError(options.refuse)
  const first = errors[0]?.code ?? 'invalid_request'
  return new ApiError(target === 'query' && GENERIC.has(first) ? 'invalid_query' : first, errors)
}

async function input(c: Context<AppEnv>, target: Target, ignore: string[]): Promise<unknown> {
  // Not Hono's `c.req.json()`: it reads any content type as nothing and bad UTF-8 as U+FFFD.
  if (target === 'json') return readJson(c)
  if (target === 'param') return c.req.param()
  const query: Record<string, string> = { ...c.req.query() }
  for (const key of ignore) delete query[key]
  return query
}

/**
 * The one way a route reads its input: the body (as `readJson` reads it), the query string or
 * the path parameters, run through a shared schema. A failure is answered with the first
 * problem's code and every problem in `details`; the handler gets `c.req.valid(target)`.
 */
export function validator<T extends Target, S extends v.GenericSchema>(
  target: T,
  schema: S,
  options: ValidateOptions = {},
): MiddlewareHandler<AppEnv, string, Validated<T, S>> {
  return async (c, next) => {
    const result = validate(schema, await input(c, target, options.ignore ?? []))
    if (!result.ok) throw refusal(target, result.errors, options)
    c.req.addValidatedData(target, result.value as object)
    await next()
  }
}

export const json = <S extends v.GenericSchema>(schema: S, options?: ValidateOptions) => validator('json', schema, options)
export const query = <S extends v.GenericSchema>(schema: S, options?: ValidateOptions) => validator('query', schema, options)

/** Path parameters; one that does not fit is a 404, like an id that does not exist. */
export const params = <S extends v.GenericSchema>(schema: S, refuse: ErrorCode = 'not_found') => validator('param', schema, { refuse })

/** The route's `:id` as a lower-case UUID. */
export const idParam = params(v.object({ id: uuid }))
