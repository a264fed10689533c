import type { Kysely } from 'kysely'
import type { EntryPointView } from '../../shared/admin-api'
import type { Database } from '../db/schema'
import { unitRefs } from './units'

/** The address on a QR poster, relative to the site; the form reads `s`. */
export const entryPointLink = (code: string) => `/?s=${encodeURIComponent(code)}`

function rows(db: Kysely<Database>) {
  return db
    .selectFrom('entry_points as e')
    .innerJoin('org_units as o', 'o.id', 'e.unit_id')
    .select(['e.id', 'e.code', 'e.name', 'e.unit_id', 'e.active', 'o.path as unit_path'])
}

async function toViews(db: Kysely<Database>, list: Awaited<ReturnType<ReturnType<typeof rows>['execute']>>): Promise<EntryPointView[]> {
  const refs = await unitRefs(db, list.map((r) => r.unit_id))
  return list.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: refs.get(r.unit_id) ?? { id: r.unit_id, name: '', path: [] },
    active: r.active,
    link: entryPointLink(r.code),
  }))
}

/** Entry points whose unit lies in the subtree, active and not, by code. */
export async function listEntryPoints(db: Kysely<Database>, scopePath: string): Promise<EntryPointView[]> {
  return toViews(db, await rows(db).where('o.path', 'like', `${scopePath}%`).orderBy('e.code').execute())
}

/** The entry point if its unit lies in the subtree, else null: out of scope looks like missing. */
export async function entryPointInScope(db: Kysely<Database>, scopePath: string, id: string): Promise<EntryPointView | null> {
  const row = await rows(db).where('e.id', '=', id).executeTakeFirst()
  if (!row || !row.unit_path.startsWith(scopePath)) return null
  return (await toViews(db, [row]))[0]!
}
