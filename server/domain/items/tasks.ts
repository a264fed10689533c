import { daysLeft } from '../../../shared/time'
import { sql, type Kysely } from 'kysely'
import type { TaskList } from '../../../shared/admin-api'
import { itemNumber } from '../../../shared/item-number'
import { actionsFrom } from '../../../shared/lifecycle'
import { actorKindOf } from '../../../shared/roles'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { itemScope } from './access'
import { mayReport } from './allowed'
import { DISPATCH_COLUMNS, dispatchesWithPeople } from './dispatches'

/** The longest list: the soonest deadlines; `more` says there are others. */
export const TASKS_MAX = 200
/** A task without the union's summary shows this many characters of the content. */
const START_CHARS = 60

/**
 * 我的待办: the open dispatches that are this reviewer's to see to, soonest deadline first (so
 * the overdue ones lead), ties by item number. A handler's are those they are responsible for or
 * that went to a unit of their subtree, a leader's those they supervise or that went into their
 * subtree: `visibleTo`'s rule, per dispatch rather than per item, so another unit's dispatch of
 * the same item is not theirs. An officer's are the open dispatches of the items they see (arrived
 * in their subtree): the union's list of what is outstanding, at the cost of the same walk.
 * The walk follows the open dispatches' deadline index; names are the unit's people, never the submitter.
 */
export async function openTasks(db: Kysely<Database>, user: SessionUser, now = new Date()): Promise<TaskList> {
  // Admins manage accounts and units, not items.
  const actor = actorKindOf(user.role)
  if (!actor) return { tasks: [], more: false }
  const items = user.role === 'officer' ? await itemScope(db, user) : null
  const units = user.role === 'officer' ? null : await subtreeIds(db, user.unitPath)
  const person = user.role === 'leader' ? 'a.leader_id' : 'a.responsible_id'
  const rows = await dispatchesWithPeople(db)
    .innerJoin('suggestions as s', 's.id', 'a.suggestion_id')
    .select([
      ...DISPATCH_COLUMNS,
      's.serial_year',
      's.serial_seq',
      's.category',
      's.summary',
      sql<string>`left(s.content, ${START_CHARS + 1})`.as('start'),
      's.status',
    ])
    .where('a.state', '=', 'open')
    .$if(items !== null, (q) => q.where(items!))
    .$if(units !== null, (q) => q.where((eb) => eb.or([eb(person, '=', user.id), eb('a.unit_id', 'in', units!)])))
    .orderBy('a.deadline')
    .orderBy('s.serial_year')
    .orderBy('s.serial_seq')
    .orderBy('a.id')
    .limit(TASKS_MAX + 1)
    .execute()
  const tasks = rows.slice(0, TASKS_MAX).map((r) => ({
    assignmentId: r.id,
    itemId: r.suggestion_id,
    number: itemNumber(r.serial_year, r.serial_seq),
    category: r.category,
    summary: r.summary || excerpt(r.start),
    unit: { id: r.unit_id, name: r.unit_name },
    leader: { id: r.leader_id, displayName: r.leader_name },
    responsible: { id: r.responsible_id, displayName: r.responsible_name },
    deadline: r.deadline.toISOString(),
    daysLeft: daysLeft(r.deadline, now),
    instructions: r.instructions,
    status: r.status,
    mayReport: actionsFrom(r.status, actor).includes('report') && mayReport(user, { responsible_id: r.responsible_id, unit_path: r.unit_path, state: 'open' }),
  }))
  return { tasks, more: rows.length > TASKS_MAX }
}

/** The ids of the units under `path` (itself included); null when that is every unit: no condition then. */
async function subtreeIds(db: Kysely<Database>, path: string): Promise<string[] | null> {
  const units = await db.selectFrom('org_units').select(['id', 'path']).execute()
  const inside = units.filter((u) => u.path.startsWith(path))
  return inside.length === units.length ? null : inside.map((u) => u.id)
}

/** The start of the content, cut by characters as PostgreSQL's `left` counts them (never half an emoji). */
function excerpt(start: string): string {
  const chars = [...start]
  return chars.length > START_CHARS ? `${chars.slice(0, START_CHARS).join('')}…` : start
}
