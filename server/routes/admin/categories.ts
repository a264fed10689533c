import { Hono, type MiddlewareHandler } from 'hono'
import * as v from 'valibot'
import { categoryIdSchema } from '../../../shared/categories'
import { CategoryOrderSchema, CreateCategorySchema, UpdateCategorySchema } from '../../../shared/schemas/categories'
import { requireSession } from '../../auth/middleware'
import { listCategories } from '../../domain/categories'
import { createCategory, mayEditCategories, reorderCategories, updateCategory } from '../../domain/category-edits'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { json, params } from '../../http/validate'

const editor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!mayEditCategories(c.get('user'))) throw new ApiError('forbidden')
  await next()
}

/** The categories of items: every reviewer reads them (items show them), the top unit's admins change them. */
export const categoriesRoute = new Hono<AppEnv>()
  .use('*', requireSession)
  .get('/', async (c) => c.json(await listCategories(c.get('db'))))
  .post('/', editor, json(CreateCategorySchema), async (c) => c.json(await createCategory(c.get('db'), c.req.valid('json')), 201))
  .put('/order', editor, json(CategoryOrderSchema), async (c) => {
    await reorderCategories(c.get('db'), c.req.valid('json').ids)
    return c.json(await listCategories(c.get('db')))
  })
  .patch('/:id', editor, params(v.object({ id: categoryIdSchema })), json(UpdateCategorySchema), async (c) =>
    c.json(await updateCategory(c.get('db'), c.req.valid('param').id, c.req.valid('json'))),
  )
