import type { Passwords } from '../auth/passwords'
import type { Kysely } from 'kysely'
import type { Lang } from '../../shared/lang'
import type { SessionUser } from '../auth/sessions'
import type { Limiter } from '../limits/counter'
import type { Database } from '../db/schema'
import type { Notifier } from '../notify/sender'

/** How the app sits on the network: behind a proxy, and under which public origin. */
export interface NetworkOptions {
  /** Proxies in front of the app whose X-Forwarded-For/-Proto/-Host are believed (0: none). */
  trustProxy: number
  /** e.g. `https://yijian.example.com`; when unset, a write's Origin must match its Host. */
  publicOrigin: string | null
}

/** What every handler finds on the context. */
export interface AppEnv {
  Variables: {
    lang: Lang
    db: Kysely<Database>
    network: NetworkOptions
    /** The rate-limit counters (their HMAC key lives here, never in the database). */
    limiter: Limiter
    /** The password hasher (PASSWORD_COST, or a cheap one a test gave createApp). */
    passwords: Passwords
    /** Sends the outbox's messages (kicked after an action wrote some). */
    notifier: Notifier
    /** Set by `requireSession` on reviewer routes. */
    user: SessionUser
  }
}
