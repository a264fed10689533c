import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { Kysely } from 'kysely'
import { LIMITS } from '../shared/limits'
import { pickLang } from '../shared/lang'
import { addressKey, hit, type Limit } from './auth/rate-limit'
import type { DialectName } from './db/connect'
import { clientAddress } from './http/client-info'
import type { Database } from './db/schema'
import { ApiError, sendError } from './http/api-error'
import type { AppEnv, NetworkOptions } from './http/env'
import { inlineStyleHashes, mountStatic } from './http/static'
import { entryPointsRoute } from './routes/entry-points'
import { healthRoute } from './routes/health'
import { suggestionsRoute } from './routes/suggestions'
import { trackRoute } from './routes/track'
import { authRoute } from './routes/auth'
import { itemsRoute } from './routes/admin/items'
import { usersRoute } from './routes/admin/users'
import { passwordRoute } from './routes/auth-password'
import { unitsRoute } from './routes/admin/units'
import { adminEntryPointsRoute } from './routes/admin/entry-points'
import { templatesRoute } from './routes/admin/templates'

export interface AppOptions {
  db: Kysely<Database>
  dialect: DialectName
  version?: string
  /** The built PWA's folder; without it the app serves the API alone (tests). */
  staticDir?: string | null
  logRequests?: boolean
  network?: Partial<NetworkOptions>
  /** Requests per window one address may make to the public write routes; null for none (tests). */
  publicRateLimit?: Limit | null
}

/** Builds the whole server. Reads no environment and opens nothing: `index.ts` does that. */
export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>()
  const network: NetworkOptions = { trustProxy: false, publicOrigin: null, ...options.network }

  app.use('*', async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')))
    c.set('db', options.db)
    c.set('network', network)
    await next()
  })
  if (options.logRequests) {
    // Method, path and status only: no address, no user agent, no query string.
    app.use('*', async (c, next) => {
      const start = performance.now()
      await next()
      console.log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - start)}ms`)
    })
  }
  app.use(
    '*',
    secureHeaders({
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...(options.staticDir ? inlineStyleHashes(options.staticDir) : [])],
        imgSrc: ["'self'", 'data:'],
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
  app.use('/api/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  app.use('/api/*', bodyLimit({ maxSize: LIMITS.bodyMaxBytes, onError: (c) => sendError(c, 'body_too_large') }))

  if (options.publicRateLimit) {
    const limit = options.publicRateLimit
    // Counted per hashed address in PostgreSQL, so every app process shares the count.
    const throttle: MiddlewareHandler<AppEnv> = async (c, next) => {
      const db = c.get('db')
      const { allowed, retryAfterS } = await hit(db, `public:${await addressKey(db, clientAddress(c))}`, limit)
      if (!allowed) {
        c.header('Retry-After', String(retryAfterS))
        return sendError(c, 'rate_limited')
      }
      await next()
    }
    app.post('/api/suggestions', throttle)
    app.post('/api/track/*', throttle)
    app.post('/api/track', throttle)
  }

  app.route('/api/health', healthRoute(options.dialect, options.version ?? '0.0.0'))
  app.route('/api/entry-points', entryPointsRoute)
  app.route('/api/suggestions', suggestionsRoute)
  app.route('/api/track', trackRoute)
  app.route('/api/auth', authRoute)
  app.route('/api/admin/items', itemsRoute)
  app.route('/api/auth/password', passwordRoute)
  app.route('/api/admin/users', usersRoute)
  app.route('/api/admin/units', unitsRoute)
  app.route('/api/admin/entry-points', adminEntryPointsRoute)
  app.route('/api/admin/templates', templatesRoute)
  app.all('/api/*', (c) => sendError(c, 'not_found'))

  if (options.staticDir) mountStatic(app, options.staticDir)

  app.notFound((c) => sendError(c, 'not_found'))
  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err.code, err.details)
    console.error(`[error] ${c.req.method} ${c.req.path}:`, err)
    return sendError(c, 'internal_error')
  })
  return app
}

export type App = ReturnType<typeof createApp>
