import Dexie, { type DexieOptions, type Table } from 'dexie'
import type { TrackedItem } from '../../shared/api'
import type { ErrorCode } from '../../shared/errors'
import type { Rating } from '../../shared/ratings'
import type { SubmitItemInput } from '../../shared/validation'

/** What the worker is typing, saved as they type: one per device. */
export interface DraftRow {
  key: 'current'
  category: string
  content: string
  anonymous: boolean
  name: string
  employeeNo: string
  phone: string
  updatedAt: number
}

/** An item waiting for the server's acknowledgement. Removed only when the server holds it. */
export interface OutboxRow {
  id: string
  item: SubmitItemInput
  queuedAt: number
  attempts: number
  /** `rejected`: the server refused it for good; kept until the worker edits or deletes it. */
  state: 'queued' | 'rejected'
  error: { code: ErrorCode; message: string } | null
}

/** The worker's own item as this device knows it, with what the server last said about it. */
export interface MineRow {
  id: string
  followUpCode: string
  entryPoint: string
  entryName: string | null
  category: string
  content: string
  anonymous: boolean
  createdAt: string
  delivery: 'pending' | 'received' | 'rejected'
  receivedAt: string | null
  /** The server's readable number (`YJ-2026-0001`), once it answered; absent on rows saved before numbers. */
  number?: string | null
  tracked: TrackedItem | null
  trackedAt: number | null
  /** A sync found a step of the union (an answer, a status change) that 我的意见 has not shown yet. */
  unseen?: boolean
}

/** The worker's verdict on an answer, or a follow-up message, waiting to be sent (queued offline). */
export interface VerdictRow {
  /** UUIDv7 made on the device: the server records a replay once. */
  id: string
  itemId: string
  code: string
  kind: 'rate' | 'message'
  body: { rating?: Rating; message?: string; text?: string }
  queuedAt: number
  state: 'queued' | 'rejected'
  error: { code: ErrorCode; message: string } | null
}

/**
 * A photo of an item, kept on the phone as the re-encoded JPEG (never the original): first with
 * the draft, then with the queued item, sent once the server holds the item, and kept after so
 * that 我的意见 shows it from the phone.
 */
export interface PhotoRow {
  /** `<owner>/<sha256>`: the same picture twice on one item is one photo. */
  key: string
  /** 'draft' while the worker writes, then the item's id. */
  owner: string
  sha256: string
  blob: Blob
  width: number
  height: number
  addedAt: number
  /** `queued` waits for its item to be stored, `sent` the server holds it, `rejected` refused for good. */
  state: 'draft' | 'queued' | 'sent' | 'rejected'
  error: { code: string; message: string } | null
}

export interface MetaRow {
  key: string
  value: unknown
}

export const DB_NAME = 'yijian'

export class LocalDb extends Dexie {
  drafts!: Table<DraftRow, string>
  outbox!: Table<OutboxRow, string>
  mine!: Table<MineRow, string>
  meta!: Table<MetaRow, string>
  verdicts!: Table<VerdictRow, string>
  photos!: Table<PhotoRow, string>

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options)
    this.version(1).stores({
      drafts: 'key',
      outbox: 'id, queuedAt',
      mine: 'id, createdAt, followUpCode',
      meta: 'key',
    })
    this.version(2).stores({ verdicts: 'id, queuedAt, itemId' })
    this.version(3).stores({ photos: 'key, owner, state' })
  }
}
