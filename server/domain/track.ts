import type { Kysely } from 'kysely'
import type { TrackResponse } from '../../shared/api'
import { normalizeFollowUpCode } from '../../shared/follow-up-code'
import type { Database } from '../db/schema'
import { hashFollowUpCode } from './hashing'
import { publicItem } from './public-view'

/** Looks up the items behind follow-up codes, answering each code in the order asked. */
export async function trackCodes(db: Kysely<Database>, codes: string[]): Promise<TrackResponse> {
  const results: TrackResponse['results'] = []
  for (const code of codes) {
    const canonical = normalizeFollowUpCode(code)
    if (!canonical) {
      results.push({ code, found: false, reason: 'invalid' })
      continue
    }
    const row = await db
      .selectFrom('suggestions')
      .select('id')
      .where('follow_up_hash', '=', hashFollowUpCode(canonical))
      .executeTakeFirst()
    const item = row ? await publicItem(db, row.id) : null
    results.push(item ? { code, found: true, item } : { code, found: false, reason: 'not_found' })
  }
  return { results }
}
