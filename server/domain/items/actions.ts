import { sql, type Kysely } from 'kysely'
import { performedBy, type Action, type ActionBody } from '../../../shared/lifecycle'
import { actorKindOf } from '../../../shared/roles'
import { todayInChina, dayEnd } from '../../../shared/time'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'
import { checkItemCategory } from '../categories'
import { unitInScope } from '../units'
import { visibleTo } from './access'
import { mayReport, mayUrge } from './allowed'
import { URGE_GAP_HOURS } from '../../../shared/notify-limits'
import { dispatchFacts, dispatchMessage, instructMessage, itemFacts, readSettings, reportMessage, urgeMessage } from '../../notify/compose'
import { channelsFor, enqueue, unionPath } from '../../notify/outbox'
import { applyChange, applyTransition, checkAction, checkVersion, lockItem, writeEvent, type Actor, type LockedItem, type Trx } from './write'
import { DISPATCH_COLUMNS, dispatchesWithPeople } from './dispatches'

type Item = NonNullable<LockedItem>

/**
 * Runs one reviewer action on one item in one transaction: role (403), visibility (404),
 * the version the reviewer saw (409), the item's status (409), all from the shared lifecycle's
 * table; then the action's own work.
 */
export async function performAction<A extends Action>(
  db: Kysely<Database>,
  user: SessionUser,
  id: string,
  action: A,
  body: ActionBody<A>,
): Promise<void> {
  const kind = actorKindOf(user.role)
  if (!kind || !performedBy(action, kind)) throw new ApiError('forbidden')
  const actor: Actor = { kind, userId: user.id }
  await db.transaction().execute(async (trx) => {
    const visible = await trx.selectFrom('suggestions as s').select('s.id').where('s.id', '=', id).where(visibleTo(user)).executeTakeFirst()
    if (!visible) throw new ApiError('not_found')
    // Merges lock both items, always in id order, so two opposite merges cannot deadlock.
    if (action === 'merge') await lockInOrder(trx, [id, (body as ActionBody<'merge'>).into])
    const item = await lockItem(trx, id)
    if (!item) throw new ApiError('not_found')
    checkVersion(item, (body as { version?: number }).version)
    checkAction(item, action, kind)
    await HANDLERS[action](trx, user, item, actor, body as never)
  })
}

type Handler<A extends Action> = (trx: Trx, user: SessionUser, item: Item, actor: Actor, body: ActionBody<A>) => Promise<void>

const classification = (b: ActionBody<'accept'>) => ({
  ...(b.category !== undefined ? { category: b.category } : {}),
  ...(b.summary !== undefined ? { summary: b.summary || null } : {}),
  ...(b.tags !== undefined ? { tags: [...new Set(b.tags)] } : {}),
  ...(b.proposal !== undefined ? { is_proposal: b.proposal } : {}),
})

const HANDLERS: { [A in Action]: Handler<A> } = {
  accept: async (trx, _user, item, actor, b) => {
    await checkItemCategory(trx, item.category, b.category)
    await applyTransition(trx, item, 'accept', actor, {}, classification(b))
  },

  classify: async (trx, _user, item, actor, b) => {
    await checkItemCategory(trx, item.category, b.category)
    const changes = classification(b)
    await applyChange(trx, item, 'classify', actor, { data: changes }, changes)
  },

  decline: async (trx, _user, item, actor, b) => {
    await applyTransition(trx, item, 'decline', actor, { publicText: b.reason })
  },

  merge: async (trx, user, item, actor, b) => {
    const target = await trx.selectFrom('suggestions as s').select(['s.id', 's.status']).where('s.id', '=', b.into).where(visibleTo(user)).executeTakeFirst()
    if (!target || target.id === item.id || target.status === 'merged') throw new ApiError('invalid_merge_target')
    await applyTransition(trx, item, 'merge', actor, { data: { into: target.id } }, { merged_into: target.id })
    // Items already merged into this one follow it to the main item.
    await trx.updateTable('suggestions').set({ merged_into: target.id }).where('merged_into', '=', item.id).execute()
    await writeEvent(trx, target.id, 'note', actor, { from: null, to: null }, { data: { mergedFrom: item.id } })
  },

  dispatch: async (trx, user, item, actor, b) => {
    const unit = await unitInScope(trx, user.unitPath, b.unitId)
    if (!unit) throw new ApiError('unit_not_found', [{ path: 'unitId', code: 'unit_not_found' }])
    await checkPerson(trx, user, b.leaderId, 'leader', 'leaderId')
    await checkPerson(trx, user, b.responsibleId, 'handler', 'responsibleId')
    const deadline = parseDeadline(b.deadline)
    const assignment = await trx
      .insertInto('assignments')
      .values({
        suggestion_id: item.id,
        unit_id: unit.id,
        leader_id: b.leaderId,
        responsible_id: b.responsibleId,
        deadline,
        instructions: b.instructions || null,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await applyTransition(trx, item, 'dispatch', actor, {
      note: b.instructions || null,
      data: { assignmentId: assignment.id, unitId: unit.id, unitName: unit.name, leaderId: b.leaderId, responsibleId: b.responsibleId, deadline: deadline.toISOString() },
    })
    const people = await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [b.leaderId, b.responsibleId]).execute()
    const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? ''
    const facts = { unitName: unit.name, leaderName: name(b.leaderId), responsibleName: name(b.responsibleId), deadline, instructions: b.instructions || null }
    await enqueue(trx, await channelsFor(trx, unit.path), dispatchMessage(await itemFacts(trx, item.id), facts))
  },

  report: async (trx, user, item, actor, b) => {
    const a = await trx
      .selectFrom('assignments as a')
      .innerJoin('org_units as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.state', 'a.responsible_id', 'u.path as unit_path', 'u.name as unit_name'])
      .where('a.id', '=', b.assignmentId)
      .where('a.suggestion_id', '=', item.id)
      .forUpdate()
      .executeTakeFirst()
    if (!a) throw new ApiError('assignment_not_found')
    if (a.state !== 'open') throw new ApiError('assignment_already_reported')
    if (!mayReport(user, a)) throw new ApiError('forbidden')
    await trx
      .updateTable('assignments')
      .set({ state: 'reported', outcome: b.outcome, report_text: b.text, reported_at: new Date(), reported_by: user.id })
      .where('id', '=', a.id)
      .execute()
    const open = await trx.selectFrom('assignments').select('id').where('suggestion_id', '=', item.id).where('state', '=', 'open').execute()
    const photos = await attachPhotos(trx, user, item.id, a.id, b.photos ?? [])
    const event = { note: b.text, data: { assignmentId: a.id, outcome: b.outcome, ...(photos.length ? { photos } : {}) } }
    // The item counts as reported back when its last open dispatch is.
    if (open.length === 0) await applyTransition(trx, item, 'report', actor, event)
    else await applyChange(trx, item, 'assignment_report', actor, event)
    const facts = await itemFacts(trx, item.id)
    await enqueue(trx, await channelsFor(trx, unionPath(facts.unitPath)), reportMessage(facts, a.unit_name, b.outcome, b.text, open.length === 0))
  },

  urge: async (trx, user, item, actor, b) => {
    const a = await dispatchOf(trx, item.id, b.assignmentId)
    if (a.state !== 'open') throw new ApiError('assignment_already_reported')
    const now = new Date()
    // The same rule as the button (allowed.ts): overdue, or within the reminder days.
    if (!mayUrge(a, now, (await readSettings(trx)).remind_days)) throw new ApiError('urge_not_due')
    // A work group hears of one dispatch at most once in URGE_GAP_HOURS; the row lock on the item orders two presses.
    const recent = await trx
      .selectFrom('suggestion_events')
      .select('id')
      .where('suggestion_id', '=', item.id)
      .where('kind', '=', 'urge')
      .where(sql<boolean>`data->>'assignmentId' = ${a.id}`)
      .where('created_at', '>', new Date(now.getTime() - URGE_GAP_HOURS * 3600_000))
      .executeTakeFirst()
    if (recent) throw new ApiError('urge_too_soon')
    await writeEvent(trx, item.id, 'urge', actor, { from: null, to: null }, { note: b.text || null, data: { assignmentId: a.id, unitName: a.unit_name, deadline: a.deadline.toISOString() } })
    const facts = dispatchFacts(a)
    await enqueue(trx, await channelsFor(trx, a.unit_path), urgeMessage(await itemFacts(trx, item.id), facts, now, user.displayName, b.text || null))
  },

  instruct: async (trx, user, item, actor, b) => {
    await writeEvent(trx, item.id, 'instruct', actor, { from: null, to: null }, { note: b.text })
    // To the units still working on it (all the item's units once none is), and so to the handlers.
    const units = await trx
      .selectFrom('assignments as a')
      .innerJoin('org_units as u', 'u.id', 'a.unit_id')
      .select(['u.path', 'u.name', 'a.state'])
      .where('a.suggestion_id', '=', item.id)
      .execute()
    const open = units.filter((u) => u.state === 'open')
    const targets = new Map((open.length ? open : units).map((u) => [u.path, u.name]))
    const facts = await itemFacts(trx, item.id)
    if (!targets.size) targets.set(unionPath(facts.unitPath), facts.unitName)
    const channels = new Set<string | null>()
    for (const path of targets.keys()) for (const c of await channelsFor(trx, path)) channels.add(c)
    await enqueue(trx, [...channels], instructMessage(facts, user.displayName, b.text, [...targets.values()].join('、')))
  },

  reply: async (trx, user, item, actor, b) => {
    const data: Record<string, string> = { channel: b.channel }
    if (b.meetingAt) data.meetingAt = b.meetingAt
    if (b.meetingPlace) data.meetingPlace = b.meetingPlace
    if (b.showName) data.officerName = user.displayName
    await applyTransition(trx, item, 'reply', actor, { publicText: b.text, data })
  },

  close: async (trx, _user, item, actor) => {
    await applyTransition(trx, item, 'close', actor)
  },

  reopen: async (trx, _user, item, actor, b) => {
    await applyTransition(trx, item, 'reopen', actor, { note: b.reason })
  },

  note: async (trx, _user, item, actor, b) => {
    await writeEvent(trx, item.id, 'note', actor, { from: null, to: null }, { note: b.text })
  },

  reveal: async (trx, user, item, actor, b) => {
    if (item.anonymous) throw new ApiError('not_revealable')
    const target = await checkPerson(trx, user, b.userId, null, 'userId')
    await trx
      .insertInto('identity_reveals')
      .values({ suggestion_id: item.id, user_id: target.id, revealed_by: user.id, reason: b.reason })
      .onConflict((oc) => oc.columns(['suggestion_id', 'user_id']).doUpdateSet({ reason: b.reason, revealed_by: user.id }))
      .execute()
    await writeEvent(trx, item.id, 'reveal', actor, { from: null, to: null }, { note: b.reason, data: { userId: target.id, userName: target.display_name } })
  },
}

/**
 * The photos this reviewer uploaded for the item (whole, not yet sent with a report), now the
 * report's: their ids, in the order named. A key that names none is refused, and nothing changes.
 */
async function attachPhotos(trx: Trx, user: SessionUser, itemId: string, assignmentId: string, keys: string[]): Promise<string[]> {
  const wanted = [...new Set(keys)]
  if (!wanted.length) return []
  const rows = await trx
    .updateTable('photos')
    .set({ assignment_id: assignmentId })
    .where('suggestion_id', '=', itemId)
    .where('origin', '=', 'staff')
    .where('uploaded_by', '=', user.id)
    .where('assignment_id', 'is', null)
    .where('complete', '=', true)
    .where('sha256', 'in', wanted)
    .returning(['id', 'sha256'])
    .execute()
  if (rows.length !== wanted.length) throw new ApiError('photo_not_found', [{ path: 'photos', code: 'photo_not_found' }])
  return wanted.map((key) => rows.find((r) => r.sha256 === key)!.id)
}

/** One dispatch of the item, locked, with what its messages name. */
async function dispatchOf(trx: Trx, itemId: string, assignmentId: string) {
  const a = await dispatchesWithPeople(trx)
    .select(DISPATCH_COLUMNS)
    .where('a.id', '=', assignmentId)
    .where('a.suggestion_id', '=', itemId)
    .forUpdate('a')
    .executeTakeFirst()
  if (!a) throw new ApiError('assignment_not_found')
  return a
}

/** An active reviewer in the acting officer's subtree, of the expected role. */
async function checkPerson(trx: Trx, user: SessionUser, id: string, role: 'leader' | 'handler' | null, path: string) {
  const person = await trx
    .selectFrom('users as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.role', 'p.active', 'p.display_name', 'u.path'])
    .where('p.id', '=', id)
    .executeTakeFirst()
  const ok = person && person.active && person.path.startsWith(user.unitPath) && (role === null ? person.role !== 'admin' : person.role === role)
  if (!ok) throw new ApiError('user_not_found', [{ path, code: 'user_not_found' }])
  return person
}

async function lockInOrder(trx: Trx, ids: string[]): Promise<void> {
  await trx.selectFrom('suggestions').select('id').where('id', 'in', [...new Set(ids)]).orderBy('id').forUpdate().execute()
}

const MAX_DEADLINE_MS = 2 * 366 * 24 * 3600_000

/** A day means the end of that day in China; it must be today or later, and within two years. */
function parseDeadline(input: string): Date {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(input)
  const deadline = isDay ? dayEnd(input) : new Date(input)
  const now = Date.now()
  // 2026-02-30 would roll over into March: a day must name itself.
  if (Number.isNaN(deadline.getTime()) || (isDay && todayInChina(deadline) !== input)) throw new ApiError('invalid_date')
  const tooEarly = isDay ? input < todayInChina() : deadline.getTime() <= now
  if (tooEarly || deadline.getTime() > now + MAX_DEADLINE_MS) throw new ApiError('invalid_deadline')
  return deadline
}
