import { createHash } from 'node:crypto'
import { normalizeText } from '../../shared/text'

// 80 random bits need no slow hash: nobody can enumerate 2^80 codes. A fixed prefix keeps
// these hashes apart from any other SHA-256 of the same text.
export function hashFollowUpCode(canonicalCode: string): string {
  return createHash('sha256').update(`follow-up:${canonicalCode}`).digest('hex')
}

/**
 * The fields of a submitted item that tell a replay from a conflict, normalised as they were
 * when the item was first stored. Frozen: if this changed, the replay of a stored item would
 * look like a different item. Null when `raw` is not even shaped like an item.
 */
export function payloadFields(raw: unknown): unknown[] | null {
  if (!raw || typeof raw !== 'object') return null
  const r = raw as Record<string, unknown>
  // Only an item's own scalar fields: anything else (a forged array nested thousands deep) is no replay.
  if (typeof r.id !== 'string' || typeof r.entryPoint !== 'string' || typeof r.category !== 'string' || typeof r.anonymous !== 'boolean') return null
  const submitter = (r.submitter && typeof r.submitter === 'object' ? r.submitter : {}) as Record<string, unknown>
  const text = (x: unknown) => (typeof x === 'string' ? normalizeText(x) : null)
  const created = typeof r.createdAt === 'string' ? new Date(r.createdAt) : null
  if (!created || Number.isNaN(created.getTime())) return null
  return [
    r.id,
    r.entryPoint,
    r.category,
    text(r.content),
    r.anonymous,
    text(submitter.name),
    text(submitter.employeeNo) || null,
    text(submitter.phone) || null,
    created.toISOString(),
  ]
}

/**
 * The hash of what was submitted, keyed by the item's follow-up code: equal hashes mean a
 * replay. The key matters for anonymity: without it, a holder of the database could try the
 * device's creation time millisecond by millisecond until the hash matched.
 */
export function hashPayload(fields: unknown[], canonicalCode: string): string {
  return `v2:${createHash('sha256').update(`payload:${canonicalCode}\n${JSON.stringify(fields)}`).digest('hex')}`
}

/** Whether `stored` (a v2 hash, or the unkeyed one of items stored before it) is the hash of these fields. */
export function samePayload(stored: string, fields: unknown[], canonicalCode: string): boolean {
  if (stored.startsWith('v2:')) return stored === hashPayload(fields, canonicalCode)
  return stored === createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}
