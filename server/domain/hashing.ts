import { createHash } from 'node:crypto'
import type { SubmitItem } from '../../shared/validation'

// 80 random bits need no slow hash: nobody can enumerate 2^80 codes. A fixed prefix keeps
// these hashes apart from any other SHA-256 of the same text.
export function hashFollowUpCode(canonicalCode: string): string {
  return createHash('sha256').update(`follow-up:${canonicalCode}`).digest('hex')
}

/** The hash of what was submitted, apart from the follow-up code: equal hashes mean a replay. */
export function hashPayload(item: SubmitItem): string {
  const canonical = JSON.stringify([
    item.id,
    item.entryPoint,
    item.category,
    item.content,
    item.anonymous,
    item.submitter?.name ?? null,
    item.submitter?.employeeNo || null,
    item.submitter?.phone || null,
    item.createdAt,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}
