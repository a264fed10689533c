import type { Kysely } from 'kysely'
import type { StaffView, UserView } from '../../shared/admin-api'
import type { Role } from '../../shared/roles'
import type { Database } from '../db/schema'
import { unitInScope, unitNotFound, unitRefs } from './units'

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

/**
 * The accounts a reviewer may see, optionally of one role and of one unit's subtree: admins get
 * every detail, officers only the active staff they may dispatch to.
 */
export async function accountsFor(
  db: Kysely<Database>,
  caller: { role: Role; unitPath: string },
  filter: { role?: Role; unitId?: string },
): Promise<UserView[] | StaffView[]> {
  let unitPath = caller.unitPath
  if (filter.unitId) {
    const unit = await unitInScope(db, caller.unitPath, filter.unitId)
    if (!unit) throw unitNotFound()
    unitPath = unit.path
  }
  if (caller.role === 'admin') return listUsers(db, { unitPath, role: filter.role })
  return (await listUsers(db, { unitPath, role: filter.role, staffOnly: true })).map(staffView)
}

/** An account's id and state by username (as typed: trimmed, any case), or null. */
export async function accountByUsername(db: Kysely<Database>, username: string) {
  const name = username.trim().toLowerCase()
  return (await db.selectFrom('users').select(['id', 'username', 'active']).where('username', '=', name).executeTakeFirst()) ?? null
}
