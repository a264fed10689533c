import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** What every view of a dispatch reads: the dispatch, its unit and its two people. */
export const DISPATCH_COLUMNS = [
  'a.id',
  'a.suggestion_id',
  'a.unit_id',
  'u.name as unit_name',
  'u.path as unit_path',
  'a.leader_id',
  'l.display_name as leader_name',
  'a.responsible_id',
  'r.display_name as responsible_name',
  'a.deadline',
  'a.instructions',
  'a.state',
] as const

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
