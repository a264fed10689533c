import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'

type ItemEb = ExpressionBuilder<Database & { s: Database['suggestions'] }, 's'>

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
