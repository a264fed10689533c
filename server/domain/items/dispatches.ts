import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/**
 * Dispatches (`a`) with what every view of one names: the receiving unit (`u`), the supervising
 * leader (`l`) and the responsible person (`r`). The item page, 我的待办, the messages and 催办 read from it.
 */
export function dispatchesWithPeople(db: Kysely<Database>) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .innerJoin('users as l', 'l.id', 'a.leader_id')
    .innerJoin('users as r', 'r.id', 'a.responsible_id')
}
