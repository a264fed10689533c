import type { Kysely } from 'kysely'
import type { ReplyTemplateView } from '../../shared/admin-api'
import type { SessionUser } from '../auth/sessions'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'

/** The units on a path `/a/b/c/`: the caller's own unit and every unit above it. */
const unitsOnPath = (path: string) => path.split('/').filter(Boolean)

/** The templates of the officer's unit and of the units above it (a plant's union can share wording). */
export async function readableTemplates(db: Kysely<Database>, user: Pick<SessionUser, 'unitPath'>): Promise<ReplyTemplateView[]> {
  return db
    .selectFrom('reply_templates')
    .select(['id', 'title', 'body'])
    .where('unit_id', 'in', unitsOnPath(user.unitPath))
    .orderBy('title')
    .orderBy('created_at')
    .execute()
}

/** A template of the officer's own unit. */
export async function createTemplate(
  db: Kysely<Database>,
  user: Pick<SessionUser, 'id' | 'unitId'>,
  fields: { title: string; body: string },
): Promise<ReplyTemplateView> {
  return db
    .insertInto('reply_templates')
    .values({ unit_id: user.unitId, title: fields.title, body: fields.body, created_by: user.id })
    .returning(['id', 'title', 'body'])
    .executeTakeFirstOrThrow()
}

/** Deletes one of the officer's own unit's templates; those from above are read-only. */
export async function deleteTemplate(db: Kysely<Database>, user: Pick<SessionUser, 'unitId' | 'unitPath'>, id: string): Promise<void> {
  const row = await db.selectFrom('reply_templates').select('unit_id').where('id', '=', id).executeTakeFirst()
  // Templates the officer cannot read do not exist for it.
  if (!row || !unitsOnPath(user.unitPath).includes(row.unit_id)) throw new ApiError('not_found')
  if (row.unit_id !== user.unitId) throw new ApiError('forbidden')
  await db.deleteFrom('reply_templates').where('id', '=', id).execute()
}
