import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiError as ApiErrorBody } from '../../shared/api'
import { errorMessage, errorStatus, type ErrorCode } from '../../shared/errors'
import type { Lang } from '../../shared/lang'
import type { FieldError } from '../../shared/validation'

/** An expected refusal: thrown by a handler, answered by `app.onError` in the request's language. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldError[],
  ) {
    super(code)
  }
}

export function errorBody(code: ErrorCode, lang: Lang, details?: FieldError[]): ApiErrorBody {
  return { error: { code, message: errorMessage(code, lang), ...(details?.length ? { details } : {}) } }
}

/** Answers with `{ error: { code, message } }` and the code's HTTP status. */
export function sendError(c: Context, code: ErrorCode, details?: FieldError[]) {
  const lang = (c.get('lang') as Lang | undefined) ?? 'zh-CN'
  return c.json(errorBody(code, lang, details), errorStatus(code) as ContentfulStatusCode)
}
