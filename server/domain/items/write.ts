import type { Kysely, Transaction } from 'kysely'
import { transition, type Action, type ActorKind, type EventKind, type Status, type Transition } from '../../../shared/lifecycle'
import type { Rating } from '../../../shared/ratings'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'

export type Trx = Transaction<Database>
export type LockedItem = Awaited<ReturnType<typeof lockItem>>

/** Who acts: a reviewer (with their user id) or the worker holding the follow-up code. */
export interface Actor {
  kind: ActorKind
  userId: string | null
}

/** The item row, locked until the transaction ends, so a concurrent change waits and then sees ours. */
export async function lockItem(trx: Trx | Kysely<Database>, id: string) {
  return trx.selectFrom('suggestions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** A reviewer who acted on an old view of the item is told so, not allowed to overwrite. */
export function checkVersion(item: { version: number }, seen: number | undefined): void {
  if (seen !== undefined && seen !== item.version) throw new ApiError('stale_version')
}

interface EventFields {
  note?: string | null
  publicText?: string | null
  isPublic?: boolean
  data?: Record<string, unknown> | null
  clientId?: string | null
}

interface RowChanges {
  category?: string
  summary?: string | null
  tags?: string[]
  is_proposal?: boolean
  rating?: Rating | null
  merged_into?: string | null
}

/**
 * Asks the shared lifecycle whether `actor` may perform `action` on the item now. A refusal is
 * a 409 (or 403 for the wrong actor); otherwise the status it leads to (null: it stays).
 */
export function checkAction(item: { status: Status }, action: Action, actor: ActorKind): Status | null {
  const result = transition(item.status, action, actor)
  if (!result.ok) throw new ApiError(result.code === 'actor_not_allowed' ? 'forbidden' : 'transition_not_allowed')
  return result.to
}

/** The one way an item changes status: the shared lifecycle decides, then the row and its event are written together. */
export async function applyTransition(
  trx: Trx,
  item: NonNullable<LockedItem>,
  action: Transition,
  actor: Actor,
  event: EventFields = {},
  changes: RowChanges = {},
): Promise<Status> {
  // A transition's row always names the status it leads to.
  const to = checkAction(item, action, actor.kind)!
  await writeRow(trx, item, { ...changes, status: to })
  await writeEvent(trx, item.id, action, actor, { from: item.status, to }, { isPublic: true, ...event })
  item.status = to
  item.version += 1
  return to
}

/** A change that is not a status change (classification, rating), with its event. */
export async function applyChange(
  trx: Trx,
  item: NonNullable<LockedItem>,
  kind: EventKind,
  actor: Actor,
  event: EventFields,
  changes: RowChanges = {},
): Promise<void> {
  await writeRow(trx, item, changes)
  await writeEvent(trx, item.id, kind, actor, { from: null, to: null }, event)
  item.version += 1
}

async function writeRow(trx: Trx, item: NonNullable<LockedItem>, changes: RowChanges & { status?: Status }): Promise<void> {
  await trx
    .updateTable('suggestions')
    .set({ ...changes, version: item.version + 1, updated_at: new Date() })
    .where('id', '=', item.id)
    .execute()
}

export async function writeEvent(
  trx: Trx,
  suggestionId: string,
  kind: EventKind,
  actor: Actor,
  statuses: { from: Status | null; to: Status | null },
  event: EventFields,
): Promise<void> {
  await trx
    .insertInto('suggestion_events')
    .values({
      suggestion_id: suggestionId,
      kind,
      from_status: statuses.from,
      to_status: statuses.to,
      actor_kind: actor.kind,
      actor_user_id: actor.userId,
      note: event.note ?? null,
      public_text: event.publicText ?? null,
      is_public: event.isPublic ?? false,
      data: event.data ? JSON.stringify(event.data) : null,
      client_id: event.clientId ?? null,
    })
    .execute()
}
