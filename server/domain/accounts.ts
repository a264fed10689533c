import type { Kysely } from 'kysely'
import type { StaffView, UserView } from '../../shared/admin-api'
import type { Role } from '../../shared/roles'
import type { Database } from '../db/schema'
import { unitRefs } from './units'

export interface UserFilter {
  /** Only units whose path starts with this (the caller's scope, or a unit inside it). */
  unitPath: string
  role?: Role
  /** Officers see only active people who take part in items: not admins. */
  staffOnly?: boolean
}

function userRows(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.unit_id', 'u.active', 'u.created_at', 'o.path as unit_path'])
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userRows>['execute']>>[number]

async function toViews(db: Kysely<Database>, rows: UserRow[]): Promise<UserView[]> {
  const refs = await unitRefs(db, rows.map((r) => r.unit_id))
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unit: refs.get(r.unit_id) ?? { id: r.unit_id, name: '', path: [] },
    active: r.active,
    createdAt: r.created_at.toISOString(),
  }))
}

/** Accounts in a subtree, by username. */
export async function listUsers(db: Kysely<Database>, filter: UserFilter): Promise<UserView[]> {
  let q = userRows(db).where('o.path', 'like', `${filter.unitPath}%`)
  if (filter.role) q = q.where('u.role', '=', filter.role)
  if (filter.staffOnly) q = q.where('u.active', '=', true).where('u.role', '!=', 'admin')
  return toViews(db, await q.orderBy('u.username').execute())
}

/** What an officer needs to dispatch: no username, no account details. */
export function staffView(u: UserView): StaffView {
  return { id: u.id, displayName: u.displayName, role: u.role, unit: u.unit }
}

/** The account if it lies in `scopePath`'s subtree, else null: out of scope looks like missing. */
export async function userInScope(db: Kysely<Database>, scopePath: string, id: string): Promise<UserView | null> {
  const row = await userRows(db).where('u.id', '=', id).executeTakeFirst()
  if (!row || !row.unit_path.startsWith(scopePath)) return null
  return (await toViews(db, [row]))[0]!
}
