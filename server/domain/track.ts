import { sql, type Kysely } from 'kysely'
import type { TrackResponse } from '../../shared/api'
import { normalizeFollowUpCode } from '../../shared/follow-up-code'
import type { Database } from '../db/schema'
import { hashFollowUpCode } from './hashing'
import { publicItems } from './public-items'

/**
 * Looks up the items behind follow-up codes, answering each code in the order asked: the items
 * found by one `= any` over the codes' hashes, then their views in a fixed number of queries.
 */
export async function trackCodes(db: Kysely<Database>, codes: string[]): Promise<TrackResponse> {
  const hashes = codes.map((code) => {
    const canonical = normalizeFollowUpCode(code)
    return canonical ? hashFollowUpCode(canonical) : null
  })
  const wanted = [...new Set(hashes.filter((h): h is string => h !== null))]
  const rows = wanted.length
    ? await db.selectFrom('suggestions').select(['id', 'follow_up_hash']).where('follow_up_hash', '=', sql<string>`any(${wanted})`).execute()
    : []
  const idByHash = new Map(rows.map((r) => [r.follow_up_hash, r.id]))
  const items = await publicItems(db, rows.map((r) => r.id))
  const results: TrackResponse['results'] = codes.map((code, i) => {
    const hash = hashes[i]
    if (!hash) return { code, found: false, reason: 'invalid' }
    const item = items.get(idByHash.get(hash) ?? '')
    return item ? { code, found: true, item } : { code, found: false, reason: 'not_found' }
  })
  return { results }
}
