import type { Kysely } from 'kysely'
import type { PosterView } from '../../shared/posters'
import type { Database } from '../db/schema'
import { entryPointLink } from './entry-point-views'
import { posterPlace, unitChains } from './poster-text'
import { unitInScope } from './units'

/**
 * The active QR points to print, inside the caller's subtree: one by id, or every one in a
 * unit's subtree (a station's poster belongs to its central station's batch too). A point
 * that is inactive or out of scope is simply not there: its form would refuse the code.
 */
export async function listPosters(
  db: Kysely<Database>,
  scopePath: string,
  origin: string,
  filter: { id?: string; unitId?: string },
): Promise<PosterView[] | null> {
  let path = scopePath
  if (filter.unitId) {
    const unit = await unitInScope(db, scopePath, filter.unitId)
    if (!unit) return null
    path = unit.path
  }
  let q = db
    .selectFrom('entry_points as e')
    .innerJoin('org_units as o', 'o.id', 'e.unit_id')
    .select(['e.id', 'e.code', 'e.name', 'e.unit_id'])
    .where('e.active', '=', true)
    .where('o.path', 'like', `${path}%`)
  if (filter.id) q = q.where('e.id', '=', filter.id)
  const rows = await q.orderBy('e.code').execute()
  if (filter.id && !rows.length) return null
  const chains = await unitChains(db, rows.map((r) => r.unit_id))
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    ...posterPlace(chains.get(r.unit_id) ?? []),
    url: `${origin}${entryPointLink(r.code)}`,
  }))
}
