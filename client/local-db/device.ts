import type { TrackedItem } from '../../shared/api'
import type { SubmitItemInput } from '../../shared/validation'
import { answerOffer, shouldOffer } from '../sync/notices'
import { startScheduler, type SchedulerState } from '../sync/scheduler'
import { LocalDb, type DraftRow, type MineRow, type OutboxRow, type PhotoRow, type VerdictRow } from './db'
import { watch } from './live'
import { markSeen } from './news'
import * as verdicts from './verdicts'
import * as outbox from './outbox'
import * as photos from './photos'

/** What the worker's screens may do with the device's storage: the UI never touches Dexie. */
export interface Device {
  storage: 'persisted' | 'best-effort'
  /** The draft had photos when the device opened: the form loads their strip at once. */
  draftHadPhotos: boolean
  loadDraft(): Promise<DraftRow | undefined>
  saveDraft(draft: DraftRow): Promise<void>
  clearDraft(): Promise<void>
  enqueue(item: SubmitItemInput, entryName: string | null): Promise<MineRow>
  listMine(): Promise<MineRow[]>
  outboxEntry(id: string): Promise<OutboxRow | undefined>
  /** Drops a refused item; `toDraft` when the worker edits it (its photos go back to the draft). */
  discard(id: string, toDraft?: boolean): Promise<OutboxRow | undefined>
  /** The draft's photos, in the order they were added. */
  draftPhotos(): Promise<PhotoRow[]>
  /** Keeps a prepared photo with the draft, if the phone has room (local-db/photos.ts). */
  addDraftPhoto(photo: Pick<PhotoRow, 'blob' | 'sha256' | 'width' | 'height'>): Promise<photos.AddPhotoResult>
  removePhoto(key: string): Promise<void>
  /** The photos of the worker's items on this phone, sent or not. */
  itemPhotos(): Promise<PhotoRow[]>
  adopt(code: string, item: TrackedItem): Promise<void>
  syncNow(): Promise<unknown>
  /** Queues a verdict or message on one of the worker's items; the next sync sends it. */
  queueVerdict(itemId: string, code: string, kind: VerdictRow['kind'], body: VerdictRow['body']): Promise<VerdictRow>
  listVerdicts(): Promise<VerdictRow[]>
  dropVerdict(id: string): Promise<void>
  /** The worker has had these items' news on screen in 我的意见. */
  markSeen(ids: string[]): Promise<void>
  /** Whether to offer notifications of the union's answers, after a submission (sync/notices.ts). */
  shouldOfferNotices(): Promise<boolean>
  /** The worker's answer to that offer (the browser asks on "yes"): the permission it ends with. */
  answerNoticeOffer(yes: boolean): Promise<NotificationPermission>
  /** Calls `next` with what `read` returns, again whenever a write here, in another tab or in the service worker changes it. */
  watch<T>(read: () => Promise<T>, next: (value: T) => void, fail: (error: unknown) => void): () => void
}

export async function openDevice(lang: () => string, onSync: (state: SchedulerState) => void): Promise<Device> {
  const db = new LocalDb()
  await db.open()
  const scheduler = startScheduler(db, lang, onSync)
  return {
    storage: await askPersistence(),
    draftHadPhotos: (await db.photos.where('owner').equals(photos.DRAFT_OWNER).count()) > 0,
    loadDraft: () => db.drafts.get('current'),
    saveDraft: async (draft) => void (await db.drafts.put(draft)),
    clearDraft: () => db.drafts.delete('current'),
    enqueue: async (item, entryName) => {
      const row = await outbox.enqueue(db, item, entryName)
      scheduler.queued()
      return row
    },
    listMine: () => db.mine.orderBy('createdAt').reverse().toArray(),
    outboxEntry: (id) => db.outbox.get(id),
    discard: (id, toDraft) => outbox.discardRejected(db, id, toDraft),
    draftPhotos: () => photos.photosOf(db, photos.DRAFT_OWNER),
    addDraftPhoto: (photo) => photos.addDraftPhoto(db, photo),
    removePhoto: (key) => photos.removePhoto(db, key),
    itemPhotos: () => photos.itemPhotos(db),
    adopt: (code, item) => outbox.adoptTracked(db, code, item),
    syncNow: () => scheduler.syncNow(),
    queueVerdict: async (itemId, code, kind, body) => {
      const row = await verdicts.queueVerdict(db, itemId, code, kind, body)
      scheduler.queued()
      return row
    },
    listVerdicts: () => db.verdicts.orderBy('queuedAt').toArray(),
    dropVerdict: (id) => verdicts.dropVerdict(db, id),
    markSeen: (ids) => markSeen(db, ids),
    shouldOfferNotices: () => shouldOffer(db),
    answerNoticeOffer: (yes) => answerOffer(db, yes),
    watch,
  }
}

// Browsers may evict a site's storage under pressure unless it is persisted; ask once.
async function askPersistence(): Promise<Device['storage']> {
  try {
    if (await navigator.storage?.persisted?.()) return 'persisted'
    return (await navigator.storage?.persist?.()) ? 'persisted' : 'best-effort'
  } catch {
    return 'best-effort'
  }
}
