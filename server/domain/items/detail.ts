import type { Kysely } from 'kysely'
import type { AdminEvent, AssignmentView, ItemDetail } from '../../../shared/admin-api'
import { itemNumber } from '../../../shared/item-number'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { visibleTo } from './access'
import { readSettings } from '../../notify/compose'
import { photosOf } from '../../photos/store'
import { allowedActions, mayUrge } from './allowed'
import { itemRows, toSummary } from './list'
import { DISPATCH_COLUMNS, dispatchesWithPeople } from './dispatches'

/** Everything a reviewer may know about one item, or null when it is not theirs to see. */
export async function itemDetail(db: Kysely<Database>, user: SessionUser, id: string, now = new Date()): Promise<ItemDetail | null> {
  const row = await itemRows(db)
    .select(['s.content', 's.version', 's.submitter_name', 's.submitter_employee_no', 's.submitter_phone', 's.merged_into'])
    .where('s.id', '=', id)
    .where(visibleTo(user))
    .executeTakeFirst()
  if (!row) return null
  const [assignments, events, revealed, mergedInto, duplicates, settings, photos] = await Promise.all([
    assignmentsOf(db, id, now),
    eventsOf(db, id),
    db.selectFrom('identity_reveals').select('user_id').where('suggestion_id', '=', id).where('user_id', '=', user.id).executeTakeFirst(),
    row.merged_into
      ? db.selectFrom('suggestions').select(['id', 'summary', 'status', 'serial_year', 'serial_seq']).where('id', '=', row.merged_into).executeTakeFirst()
      : undefined,
    db.selectFrom('suggestions').select(['id', 'status', 'serial_year', 'serial_seq']).where('merged_into', '=', id).orderBy('received_at').execute(),
    readSettings(db),
    photosOf(db, [id]),
  ])
  const urgeWithin = { now, remindDays: settings.remind_days }
  // The union sees who wrote a named item; anyone else only when the union revealed it to them.
  const seesIdentity = user.role === 'officer' || revealed !== undefined
  const submitter = row.anonymous
    ? null
    : seesIdentity
      ? { name: row.submitter_name ?? '', employeeNo: row.submitter_employee_no, phone: row.submitter_phone }
      : ('hidden' as const)
  return {
    ...toSummary(row, now),
    content: row.content,
    version: row.version,
    submitter,
    mergedInto: mergedInto ? { id: mergedInto.id, number: itemNumber(mergedInto.serial_year, mergedInto.serial_seq), summary: mergedInto.summary, status: mergedInto.status } : null,
    duplicates: duplicates.map((d) => ({ id: d.id, number: itemNumber(d.serial_year, d.serial_seq), status: d.status })),
    assignments: assignments.views.map((view, i) => ({ ...view, urgeable: user.role === 'officer' && mayUrge(assignments.raw[i]!, now, settings.remind_days) })),
    events,
    photos: photos.get(id) ?? [],
    allowed: allowedActions(user, row, assignments.raw, urgeWithin),
  }
}

async function assignmentsOf(db: Kysely<Database>, id: string, now: Date) {
  const rows = await dispatchesWithPeople(db)
    .select([
      ...DISPATCH_COLUMNS,
      'a.outcome',
      'a.report_text',
      'a.reported_at',
    ])
    .where('a.suggestion_id', '=', id)
    .orderBy('a.created_at')
    .execute()
  const views: Array<Omit<AssignmentView, 'urgeable'>> = rows.map((a) => ({
    id: a.id,
    unit: { id: a.unit_id, name: a.unit_name },
    leader: { id: a.leader_id, displayName: a.leader_name },
    responsible: { id: a.responsible_id, displayName: a.responsible_name },
    deadline: a.deadline.toISOString(),
    instructions: a.instructions,
    state: a.state,
    outcome: a.outcome,
    reportText: a.report_text,
    reportedAt: a.reported_at?.toISOString() ?? null,
    overdue: a.state === 'open' && a.deadline.getTime() < now.getTime(),
  }))
  return { views, raw: rows }
}

async function eventsOf(db: Kysely<Database>, id: string): Promise<AdminEvent[]> {
  const rows = await db
    .selectFrom('suggestion_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
    .select(['ev.id', 'ev.kind', 'ev.created_at', 'ev.from_status', 'ev.to_status', 'ev.actor_kind', 'u.display_name', 'ev.note', 'ev.public_text', 'ev.is_public', 'ev.data'])
    .where('ev.suggestion_id', '=', id)
    .orderBy('ev.id')
    .execute()
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.created_at.toISOString(),
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actor: { kind: e.actor_kind, name: e.display_name },
    note: e.note,
    publicText: e.public_text,
    isPublic: e.is_public,
    data: e.data,
  }))
}
