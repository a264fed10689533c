import { Hono, type MiddlewareHandler } from 'hono'
import { CategoryOrderSchema, CreateCategorySchema, UpdateCategorySchema } from '../../../shared/category-validation'
import { CATEGORY_ID } from '../../../shared/categories'
import { validate } from '../../../shared/validation'
import { requireSession } from '../../auth/middleware'
import { listCategories } from '../../domain/categories'
import { createCategory, mayEditCategories, reorderCategories, updateCategory } from '../../domain/category-edits'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { readJson } from '../../http/read-json'
import { invalid } from '../../http/uuid-param'

const editor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!mayEditCategories(c.get('user'))) throw new ApiError('forbidden')
  await next()
}

/** The categories of items: every reviewer reads them (items show them), the top unit's admins change them. */
export const categoriesRoute = new Hono<AppEnv>()
  .use('*', requireSession)
  .get('/', async (c) => c.json(await listCategories(c.get('db'))))
  .post('/', editor, async (c) => {
    const body = validate(CreateCategorySchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    return c.json(await createCategory(c.get('db'), body.value), 201)
  })
  .put('/order', editor, async (c) => {
    const body = validate(CategoryOrderSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    await reorderCategories(c.get('db'), body.value.ids)
    return c.json(await listCategories(c.get('db')))
  })
  .patch('/:id', editor, async (c) => {
    const id = c.req.param('id')
    if (!CATEGORY_ID.test(id)) throw new ApiError('not_found')
    const body = validate(UpdateCategorySchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    return c.json(await updateCategory(c.get('db'), id, body.value))
  })
