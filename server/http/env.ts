import type { Kysely } from 'kysely'
import type { Lang } from '../../shared/lang'
import type { SessionUser } from '../auth/sessions'
import type { Database } from '../db/schema'

/** How the app sits on the network: behind a proxy, and under which public origin. */
export interface NetworkOptions {
  /** Believe X-Forwarded-For/-Proto/-Host (only behind a proxy that sets them). */
  trustProxy: boolean
  /** e.g. `https://yijian.example.com`; when unset, a write's Origin must match its Host. */
  publicOrigin: string | null
}

/** What every handler finds on the context. */
export interface AppEnv {
  Variables: {
    lang: Lang
    db: Kysely<Database>
    network: NetworkOptions
    /** Set by `requireSession` on reviewer routes. */
    user: SessionUser
  }
}
