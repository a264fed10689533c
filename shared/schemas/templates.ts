import { ADMIN_LIMITS } from '../limits'
import { record } from '../validation'
import { line, text } from './fields'

/** A reply template officers start an answer from. */
export const TemplateSchema = record({ title: line(ADMIN_LIMITS.templateTitleMax), body: text(ADMIN_LIMITS.textMax) })
