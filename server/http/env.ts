import type { Kysely } from 'kysely'
import type { Lang } from '../../shared/lang'
import type { Database } from '../db/schema'

/** What every handler finds on the context. */
export interface AppEnv {
  Variables: {
    lang: Lang
    db: Kysely<Database>
  }
}
