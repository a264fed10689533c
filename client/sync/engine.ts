import type { SubmitOutcome, SubmitResponse, TrackResponse, TrackedItem } from '../../shared/api'
import type { ErrorCode } from '../../shared/errors'
import { LIMITS } from '../../shared/limits'
import type { LocalDb } from '../local-db/db'
import { acknowledge, countAttempt, markRejected, queued, saveTracked } from '../local-db/outbox'
import { acknowledgeVerdict, queuedVerdicts, rejectVerdict } from '../local-db/verdicts'
import { withLock, type LockFn } from './lock'
import { postJson, type Answer, type RequestEnv } from './request'

export interface SyncEnv extends RequestEnv {
  db: LocalDb
  lock?: LockFn
  /** Also refresh the status and replies of the worker's items (default true). */
  refresh?: boolean
}

export interface SyncReport {
  /** True when every request got a real answer from our server. */
  ok: boolean
  requests: number
  acknowledged: number
  rejected: number
  stillQueued: number
  refreshed: number
  /** Verdicts and messages the server now holds. */
  verdicts: number
  /** Photos the server now holds (each whole, once). */
  photos?: number
  /** The worker's items where this sync found a step of the union the device had not seen (now marked unseen). */
  news: string[]
  failure?: Exclude<Answer<unknown>, { ok: true }>['reason']
  retryAfterMs?: number
}

export const SYNC_LOCK = 'yijian-sync'

/** Drains the outbox in batches of up to 100, then refreshes the worker's items. Safe to repeat. */
export function syncOnce(env: SyncEnv): Promise<SyncReport> {
  return (env.lock ?? withLock)(SYNC_LOCK, () => drain(env))
}

async function drain(env: SyncEnv): Promise<SyncReport> {
  const report: SyncReport = { ok: true, requests: 0, acknowledged: 0, rejected: 0, stillQueued: 0, refreshed: 0, verdicts: 0, news: [] }
  const pending = await queued(env.db)
  for (let start = 0; start < pending.length; start += LIMITS.batchMax) {
    const chunk = pending.slice(start, start + LIMITS.batchMax)
    await countAttempt(env.db, chunk.map((row) => row.id))
    report.requests++
    const answer = await postJson(env, '/api/suggestions', { items: chunk.map((row) => row.item) }, isSubmitResponse(chunk.length))
    if (!answer.ok) return fail(report, answer, pending.length - start)
    for (const [i, outcome] of answer.body.results.entries()) {
      const id = chunk[i]!.id
      // An answer about another id acknowledges nothing.
      if (outcome.id !== id) report.ok = false
      else await apply(env.db, id, outcome, report)
    }
  }
  report.stillQueued = (await queued(env.db)).length
  if (!(await sendVerdicts(env, report))) return report
  // After the items, which never wait for them: a photo needs its item stored first. Its code is
  // fetched only then, not with the device storage that a press of 提交 waits for.
  if (await env.db.photos.where('state').equals('queued').count()) await (await import('./photos')).sendPhotos(env, report)
  if (env.refresh !== false) await refresh(env, report)
  return report
}

/** Verdicts and messages, one request each, oldest first; each carries its id, so a replay is harmless. */
async function sendVerdicts(env: SyncEnv, report: SyncReport): Promise<boolean> {
  const rows = await queuedVerdicts(env.db)
  for (const row of rows) {
    report.requests++
    const path = row.kind === 'rate' ? '/api/track/rate' : '/api/track/message'
    const answer = await postJson(env, path, { id: row.id, code: row.code, ...row.body }, isVerdictAnswer)
    if (!answer.ok) {
      Object.assign(report, { ok: false, failure: answer.reason, retryAfterMs: answer.retryAfterMs })
      return false
    }
    if ('item' in answer.body) {
      if (await acknowledgeVerdict(env.db, row, answer.body.item)) report.news.push(row.itemId)
      report.verdicts++
    } else {
      await rejectVerdict(env.db, row.id, answer.body.error)
      report.rejected++
    }
  }
  return true
}

async function apply(db: LocalDb, id: string, outcome: SubmitOutcome, report: SyncReport): Promise<void> {
  if (outcome.result === 'created' || outcome.result === 'duplicate') {
    await acknowledge(db, id, outcome.receivedAt, outcome.number)
    report.acknowledged++
  } else if (outcome.status >= 500 || outcome.status === 429) {
    report.ok = false // stays queued: the next sync tries again
  } else {
    await markRejected(db, id, { code: outcome.error.code, message: outcome.error.message })
    report.rejected++
  }
}

function fail(report: SyncReport, answer: Exclude<Answer<unknown>, { ok: true }>, left: number): SyncReport {
  return { ...report, ok: false, failure: answer.reason, retryAfterMs: answer.retryAfterMs, stillQueued: left }
}

/** Fetches the public state of every item the device holds a code for. */
async function refresh(env: SyncEnv, report: SyncReport): Promise<void> {
  const mine = await env.db.mine.filter((row) => row.delivery === 'received').toArray()
  for (let start = 0; start < mine.length; start += LIMITS.trackMax) {
    const chunk = mine.slice(start, start + LIMITS.trackMax)
    report.requests++
    const answer = await postJson(env, '/api/track', { codes: chunk.map((row) => row.followUpCode) }, isTrackResponse(chunk.length))
    if (!answer.ok) {
      Object.assign(report, { ok: false, failure: answer.reason, retryAfterMs: answer.retryAfterMs })
      return
    }
    const updates: Array<{ id: string; tracked: TrackedItem }> = []
    answer.body.results.forEach((result, i) => {
      if (result.found && result.item.id === chunk[i]!.id) updates.push({ id: chunk[i]!.id, tracked: result.item })
    })
    report.news.push(...(await saveTracked(env.db, updates)))
    report.refreshed += updates.length
  }
}

const isSubmitResponse =
  (n: number) =>
  (status: number, body: unknown): body is SubmitResponse =>
    [200, 201, 207, 400, 409, 422].includes(status) &&
    typeof body === 'object' && body !== null && Array.isArray((body as SubmitResponse).results) && (body as SubmitResponse).results.length === n

const isTrackResponse =
  (n: number) =>
  (status: number, body: unknown): body is TrackResponse =>
    status === 200 && typeof body === 'object' && body !== null && Array.isArray((body as TrackResponse).results) && (body as TrackResponse).results.length === n

const isVerdictAnswer = (status: number, body: unknown): body is { item: TrackedItem } | { error: { code: ErrorCode; message: string } } => {
  if (typeof body !== 'object' || body === null) return false
  if (status === 200) return typeof (body as { item?: unknown }).item === 'object'
  return status >= 400 && status < 500 && typeof (body as { error?: { code?: unknown } }).error?.code === 'string'
}
