import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'

type ItemEb = ExpressionBuilder<Database & { s: Database['suggestions'] }, 's'>
/** A condition on `suggestions as s`. */
export type ItemCondition = (eb: ItemEb) => Expression<SqlBool>

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

/**
 * Which items a reviewer sees, as a condition on `suggestions as s`:
 * officers: items that arrived in their subtree; handlers: items dispatched to a unit in their
 * subtree or to them; leaders: items dispatched under their supervision or into their subtree.
 * Admins manage accounts and units, not items.
 */
export function visibleTo(user: SessionUser) {
  const subtree = `${escapeLike(user.unitPath)}%`
  return (eb: ItemEb): Expression<SqlBool> => {
    if (user.role === 'officer') {
      return eb.exists(
        eb.selectFrom('org_units as scope_u').select('scope_u.id').whereRef('scope_u.id', '=', 's.unit_id').where('scope_u.path', 'like', subtree),
      )
    }
    if (user.role === 'handler' || user.role === 'leader') {
      const person = user.role === 'handler' ? 'scope_a.responsible_id' : 'scope_a.leader_id'
      return eb.exists(
        eb
          .selectFrom('assignments as scope_a')
          .innerJoin('org_units as scope_u', 'scope_u.id', 'scope_a.unit_id')
          .select('scope_a.id')
          .whereRef('scope_a.suggestion_id', '=', 's.id')
          .where((inner) => inner.or([inner(person, '=', user.id), inner('scope_u.path', 'like', subtree)])),
      )
    }
    return eb.val(false)
  }
}

/**
 * Which items a reviewer sees, narrowed to the items that arrived under `within` (a unit path in
 * their scope) if given, as a condition on `suggestions as s`. An officer's items are those that
 * arrived in a subtree: that is a list of unit ids here, or no condition at all when the subtree
 * holds every unit, never a join on paths whose size the planner would have to guess (it guessed
 * 2 rows for a never-analyzed org_units and read filtered pages unit by unit, 1 s at 1,000,000
 * items). Handlers and leaders see items by their dispatches (`visibleTo`).
 */
export async function itemScope(db: Kysely<Database>, user: SessionUser, within: string | null = null): Promise<ItemCondition> {
  const units = await db.selectFrom('org_units').select(['id', 'path']).execute()
  const under = (path: string) => {
    const inside = units.filter((u) => u.path.startsWith(path))
    return inside.length === units.length ? null : inside.map((u) => u.id)
  }
  const ids = user.role === 'officer' ? under(within ?? user.unitPath) : within ? under(within) : null
  return (eb: ItemEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = []
    if (user.role !== 'officer') parts.push(visibleTo(user)(eb))
    if (ids) parts.push(eb('s.unit_id', 'in', ids))
    return parts.length ? eb.and(parts) : eb.val(true)
  }
}
