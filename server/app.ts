import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { Kysely } from 'kysely'
import { LIMITS } from '../shared/limits'
import { pickLang } from '../shared/lang'
import type { DialectName } from './db/connect'
import type { Database } from './db/schema'
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_S } from './db/unavailable'
import { ApiError, sendError } from './http/api-error'
import { isHttps } from './http/client-info'
import type { AppEnv, NetworkOptions } from './http/env'
import { logLine, throttledLog } from './http/log'
import { publicLimit } from './http/public-limit'
import { shellStyle } from './http/shell'
import { inlineHashes, mountStatic } from './http/static'
import { formPostRoute } from './routes/form-post'
import { Limiter } from './limits/counter'
import type { PublicLimits } from './limits/policy'
import { entryPointsRoute } from './routes/entry-points'
import { healthRoute } from './routes/health'
import { suggestionsRoute } from './routes/suggestions'
import { trackRoute } from './routes/track'
import { authRoute } from './routes/auth'
import { setupRoute } from './routes/setup'
import type { SetupToken } from './auth/setup-token'
import { itemsRoute } from './routes/admin/items'
import { reportRoute } from './routes/admin/report'
import { usersRoute } from './routes/admin/users'
import { passwordRoute } from './routes/auth-password'
import { unitsRoute } from './routes/admin/units'
import { adminEntryPointsRoute } from './routes/admin/entry-points'
import { templatesRoute } from './routes/admin/templates'
import { replyPromiseRoute } from './routes/admin/reply-promise'
import { categoriesRoute } from './routes/admin/categories'
import { scansRoute } from './routes/admin/scans'
import { tasksRoute } from './routes/admin/tasks'
import { passwords, type ScryptCost } from './auth/passwords'
import { notifyRoute } from './routes/admin/notify'
import { photosRoute } from './routes/admin/photos'
import { Notifier } from './notify/sender'

export interface AppOptions {
  db: Kysely<Database>
  dialect: DialectName
  version?: string
  /** The built PWA's folder; without it the app serves the API alone (tests). */
  staticDir?: string | null
  logRequests?: boolean
  network?: Partial<NetworkOptions>
  /** Per-address budgets of the worker's routes; null for none (tests). Logins are always limited. */
  limits?: PublicLimits | null
  /** The rate-limit counters' HMAC key, shared by the app processes; random when not given. */
  limiterKey?: Buffer | null
  /** The clock of the rate-limit windows (tests fix it). */
  clock?: () => number
  /** The one-time secret of the first-admin link, when the database has no admin. */
  setupToken?: SetupToken | null
  /** Sends the outbox's messages; without one (tests), messages wait in the outbox until something sends them. */
  notifier?: Notifier | null
  /** Tests only: a cheap scrypt cost, so that their accounts hash quickly. The server never sets it. */
  passwordCost?: ScryptCost
}

const HSTS = 'max-age=15552000; includeSubDomains'
const unavailableLog = throttledLog(5000)

/** Builds the whole server. Reads no environment and opens nothing: `index.ts` does that. */
export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>()
  const network: NetworkOptions = { trustProxy: 0, publicOrigin: null, ...options.network }
  const limiter = new Limiter(options.limiterKey ?? undefined, options.clock)
  const hasher = passwords(options.passwordCost)
  const notifier = options.notifier ?? new Notifier(options.db, { origin: null, fallbackUrl: null })

  app.use('*', async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')))
    c.set('db', options.db)
    c.set('network', network)
    c.set('limiter', limiter)
    c.set('passwords', hasher)
    c.set('notifier', notifier)
    await next()
  })
  if (options.logRequests) {
    // Method, path and status only: no address, no user agent, no query string.
    app.use('*', async (c, next) => {
      const start = performance.now()
      await next()
      console.log(logLine(c.req.method, c.req.path, c.res.status, performance.now() - start))
    })
  }
  app.use(
    '*',
    secureHeaders({
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      // Sent below, only over HTTPS: over plain HTTP a browser ignores it, and it reads as a misconfiguration.
      strictTransportSecurity: false,
      // Agrees with frame-ancestors 'none' for browsers that only know the old header.
      xFrameOptions: 'DENY',
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(options.staticDir ? inlineHashes(options.staticDir, 'script') : [])],
        styleSrc: ["'self'", ...(options.staticDir ? inlineHashes(options.staticDir, 'style') : [])],
        // blob: for the photos the phone keeps (its own, from IndexedDB) and the ones it fetched by code.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  )
  app.use('*', async (c, next) => {
    await next()
    if (isHttps(c)) c.header('Strict-Transport-Security', HSTS)
  })
  app.use('/api/*', async (c, next) => {
    await next()
    // A photo says it may be kept privately (routes/photo-access.ts); nothing else of the API is.
    if (!c.res.headers.get('Cache-Control')?.startsWith('private')) c.header('Cache-Control', 'no-store')
  })
  app.use('/api/*', bodyLimit({ maxSize: LIMITS.bodyMaxBytes, onError: (c) => sendError(c, 'body_too_large') }))

  if (options.limits) {
    // One registration per budget: `/api/track/*` also matches `/api/track` itself.
    app.use('/api/suggestions', publicLimit('submit', options.limits.submit))
    app.use('/api/track/*', publicLimit('track', options.limits.track))
    app.use('/api/track/photos', publicLimit('photos', options.limits.photos, 'PUT'))
  }

  app.route('/api/health', healthRoute(options.dialect, options.version ?? '0.0.0'))
  app.route('/api/entry-points', entryPointsRoute)
  app.route('/api/suggestions', suggestionsRoute(options.limits?.items ?? null))
  app.route('/api/track', trackRoute)
  app.route('/api/auth', authRoute)
  app.route('/api/setup', setupRoute(options.setupToken ?? null))
  app.route('/api/admin/items', itemsRoute)
  app.route('/api/auth/password', passwordRoute)
  app.route('/api/admin/users', usersRoute)
  app.route('/api/admin/units', unitsRoute)
  app.route('/api/admin/entry-points', adminEntryPointsRoute)
  app.route('/api/admin/templates', templatesRoute)
  app.route('/api/admin/reply-promise', replyPromiseRoute)
  app.route('/api/admin/categories', categoriesRoute)
  app.route('/api/admin/scans', scansRoute)
  app.route('/api/admin/notify', notifyRoute)
  app.route('/api/admin/photos', photosRoute)
  app.route('/api/admin/report', reportRoute)
  app.route('/api/admin/tasks', tasksRoute)
  app.all('/api/*', (c) => sendError(c, 'not_found'))

  if (options.staticDir) {
    // The form for browsers that never run the app's script, beside the shell it comes from.
    app.use('/submit', bodyLimit({ maxSize: LIMITS.bodyMaxBytes, onError: (c) => sendError(c, 'body_too_large') }))
    if (options.limits) app.use('/submit', publicLimit('submit', options.limits.submit))
    app.route('/', formPostRoute(shellStyle(options.staticDir), options.limits?.items ?? null))
    mountStatic(app, options.staticDir)
  }

  app.notFound((c) => sendError(c, 'not_found'))
  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err.code, err.details)
    // The database is restarting, failing over or out of connections: a moment's wait, not a bug.
    if (isDatabaseUnavailable(err)) {
      unavailableLog(`[db] unavailable: ${err instanceof Error ? err.message : String(err)}`)
      c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S))
      return sendError(c, 'unavailable')
    }
    console.error(`[error] ${logLine(c.req.method, c.req.path)}:`, err)
    return sendError(c, 'internal_error')
  })
  return app
}

export type App = ReturnType<typeof createApp>
