import { sql, type Kysely } from 'kysely'
import type { Stats } from '../../../shared/admin-api'
import { ANSWERED_STATUSES, STATUSES, type Status } from '../../../shared/lifecycle'
import { RATINGS, type Rating } from '../../../shared/ratings'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { visibleTo } from './access'

/**
 * The field report's two targets over what this reviewer sees. Reply rate: answered items (see
 * `ANSWERED_STATUSES`) over items needing an answer (all but merged duplicates).
 * Implementation rate: dispatches reported completed over dispatches reported back.
 */
export async function itemStats(db: Kysely<Database>, user: SessionUser, now = new Date()): Promise<Stats> {
  const visible = db.selectFrom('suggestions as s').where(visibleTo(user))
  const [statusRows, ratingRows, proposals, overdue, outcomes] = await Promise.all([
    visible.select(['s.status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('s.status').execute(),
    visible.select(['s.rating', (eb) => eb.fn.countAll<string>().as('n')]).where('s.rating', 'is not', null).groupBy('s.rating').execute(),
    visible.select((eb) => eb.fn.countAll<string>().as('n')).where('s.is_proposal', '=', true).executeTakeFirstOrThrow(),
    visible
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) =>
        eb.exists(eb.selectFrom('assignments as a').select('a.id').whereRef('a.suggestion_id', '=', 's.id').where('a.state', '=', 'open').where('a.deadline', '<', now)),
      )
      .executeTakeFirstOrThrow(),
    visible
      .innerJoin('assignments as a', 'a.suggestion_id', 's.id')
      .select([
        sql<string>`count(*) filter (where a.state = 'reported')`.as('reported'),
        sql<string>`count(*) filter (where a.outcome = 'completed')`.as('completed'),
      ])
      .executeTakeFirstOrThrow(),
  ])
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  for (const r of statusRows) byStatus[r.status] = Number(r.n)
  const satisfaction = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>
  for (const r of ratingRows) if (r.rating) satisfaction[r.rating] = Number(r.n)
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0)
  const needing = total - byStatus.merged
  const answered = ANSWERED_STATUSES.reduce((n, s) => n + byStatus[s], 0)
  const reported = Number(outcomes.reported)
  return {
    total,
    byStatus,
    replyRate: needing ? answered / needing : null,
    implementationRate: reported ? Number(outcomes.completed) / reported : null,
    overdue: Number(overdue.n),
    proposals: Number(proposals.n),
    satisfaction,
  }
}
