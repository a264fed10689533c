import type { TrackedItem } from '../../shared/api'
import type { SubmitItemInput } from '../../shared/validation'
import { answerOffer, shouldOffer } from '../sync/notices'
import { startScheduler, type SchedulerState } from '../sync/scheduler'
import { LocalDb, type DraftRow, type MineRow, type OutboxRow, type VerdictRow } from './db'
import { watch } from './live'
import { markSeen } from './news'
import * as verdicts from './verdicts'
import * as outbox from './outbox'

/** What the worker's screens may do with the device's storage: the UI never touches Dexie. */
export interface Device {
  storage: 'persisted' | 'best-effort'
  loadDraft(): Promise<DraftRow | undefined>
  saveDraft(draft: DraftRow): Promise<void>
  clearDraft(): Promise<void>
  enqueue(item: SubmitItemInput, entryName: string | null): Promise<MineRow>
  listMine(): Promise<MineRow[]>
  outboxEntry(id: string): Promise<OutboxRow | undefined>
  discard(id: string): Promise<OutboxRow | undefined>
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
    discard: (id) => outbox.discardRejected(db, id),
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
