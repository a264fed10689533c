import type { Kysely } from 'kysely'
import type { UnitView } from '../../shared/admin-api'
import type { Database, OrgUnitTable } from '../db/schema'

type UnitRow = Pick<OrgUnitTable, 'kind' | 'name' | 'path' | 'parent_id'> & { id: string; sort: number }

const ids = (path: string) => path.split('/').filter(Boolean)

/** Names of the ancestors a subtree's rows do not hold themselves. */
async function outsideNames(db: Kysely<Database>, rows: UnitRow[]): Promise<Map<string, string>> {
  const names = new Map(rows.map((r) => [r.id, r.name]))
  const missing = [...new Set(rows.flatMap((r) => ids(r.path)))].filter((id) => !names.has(id))
  if (missing.length) {
    for (const u of await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', missing).execute()) names.set(u.id, u.name)
  }
  return names
}

function toView(row: UnitRow, names: Map<string, string>): UnitView {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    sort: row.sort,
    path: ids(row.path).map((id) => names.get(id) ?? ''),
  }
}

/**
 * The subtree rooted at `scopePath` as a flat list in display order: each unit followed by its
 * children, siblings by `sort` then name, so a client can indent by `path.length`.
 */
export async function subtreeUnits(db: Kysely<Database>, scopePath: string): Promise<UnitView[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'path', 'kind', 'name', 'sort'])
    .where('path', 'like', `${scopePath}%`)
    .execute()
  const names = await outsideNames(db, rows)
  const children = new Map<string | null, UnitRow[]>()
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r])
  const out: UnitView[] = []
  const visit = (row: UnitRow) => {
    out.push(toView(row, names))
    const kids = (children.get(row.id) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'))
    kids.forEach(visit)
  }
  const root = rows.find((r) => r.path === scopePath)
  if (root) visit(root)
  return out
}

/** One unit as reviewers see it, or null. */
export async function unitView(db: Kysely<Database>, id: string): Promise<UnitView | null> {
  const row = await db.selectFrom('org_units').select(['id', 'parent_id', 'path', 'kind', 'name', 'sort']).where('id', '=', id).executeTakeFirst()
  return row ? toView(row, await outsideNames(db, [row])) : null
}
