import type { Kysely } from 'kysely'
import type { PosterText, PosterTextView } from '../../shared/posters'
import type { Database } from '../db/schema'

const CHAIN_COLUMNS = ['id', 'name', 'reply_within_days', 'poster_title', 'poster_footer'] as const
type ChainUnit = { id: string; name: string; reply_within_days: number | null; poster_title: string | null; poster_footer: string | null }

/** Each unit's chain of units, root first and itself last, in two queries however many units. */
export async function unitChains(db: Kysely<Database>, unitIds: string[]): Promise<Map<string, ChainUnit[]>> {
  const chains = new Map<string, ChainUnit[]>()
  if (!unitIds.length) return chains
  const units = await db.selectFrom('org_units').select(['id', 'path']).where('id', 'in', [...new Set(unitIds)]).execute()
  const ids = [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean)))]
  const byId = new Map((await db.selectFrom('org_units').select(CHAIN_COLUMNS).where('id', 'in', ids).execute()).map((u) => [u.id, u]))
  for (const unit of units) chains.set(unit.id, unit.path.split('/').filter(Boolean).flatMap((id) => byId.get(id) ?? []))
  return chains
}

/** The value the nearest unit of the chain set (a setting covers its subtree), else null. */
export function nearest<K extends keyof ChainUnit>(chain: ChainUnit[], key: K): NonNullable<ChainUnit[K]> | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const value = chain[i]![key]
    if (value !== null && value !== undefined) return value as NonNullable<ChainUnit[K]>
  }
  return null
}

const textOf = (chain: ChainUnit[]): PosterText => ({ title: nearest(chain, 'poster_title'), footer: nearest(chain, 'poster_footer') })

/** The poster text set on the unit itself, and the one a unit above it set. */
export async function posterText(db: Kysely<Database>, unitId: string): Promise<PosterTextView> {
  const chain = (await unitChains(db, [unitId])).get(unitId) ?? []
  const own = chain.at(-1)
  return { own: { title: own?.poster_title ?? null, footer: own?.poster_footer ?? null }, inherited: textOf(chain.slice(0, -1)) }
}

export async function setPosterText(db: Kysely<Database>, unitId: string, text: PosterText): Promise<void> {
  await db.updateTable('org_units').set({ poster_title: text.title, poster_footer: text.footer }).where('id', '=', unitId).execute()
}

/** What a poster of a point under this chain shows: the place names, the promise, the union's words. */
export function posterPlace(chain: ChainUnit[]) {
  return { unitPath: chain.map((u) => u.name), replyWithinDays: nearest(chain, 'reply_within_days'), ...textOf(chain) }
}
