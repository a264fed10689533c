import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import { createApp, type AppOptions } from '../../server/app'
import type { SetupToken } from '../../server/auth/setup-token'
import { TEST_COST } from '../helpers/admin'
import { builtClient } from '../helpers/build'
import { POSTGRES_URL, sharedTestDb, type TestDb } from '../helpers/test-db'

/** Debian's Chromium, with the flags this machine needs. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export interface E2E {
  /** `http://127.0.0.1:<port>` of the built app on the test database. */
  baseUrl: string
  db: TestDb
  browser: Browser
  /**
   * An answer to `path` is computed (and committed) but never delivered: the connection is cut.
   * The next one, or the one after `skip` more answers to it have gone through.
   */
  dropNextResponse(path: string, skip?: number): void
  /**
   * Cuts the server off (every connection reset) or back on. Chromium's offline emulation does
   * not cover requests that pass through a service worker, so "no signal" is made here too.
   */
  setNetwork(up: boolean): void
  /** Serves a byte-different /sw.js from now on: a new version of the app as the browser sees it. */
  publishNewVersion(): void
  /** Requests to the API seen by the server, in order (method and path). */
  requests: string[]
  /** A persistent browser profile (its own storage and service workers), closed at the end of the file. */
  persistentContext(dir: string, options?: Parameters<typeof chromium.launchPersistentContext>[1]): Promise<BrowserContext>
  tempDir(): string
}

/**
 * A browser suite: the built PWA served with the real app on real PostgreSQL when one is
 * configured (CI), else on PGlite; one Chromium for the file; the database reset before each test.
 */
export function describeE2E(name: string, body: (ctx: () => E2E) => void, options: { setupToken?: SetupToken; network?: AppOptions['network'] } = {}) {
  const dialect = POSTGRES_URL ? 'postgres' : 'pglite'
  describe(`${name} [browser, ${dialect}]`, () => {
    let ctx: E2E | undefined
    const cleanups: Array<() => Promise<void> | void> = []
    beforeAll(async () => {
      const staticDir = await builtClient()
      const db = await sharedTestDb(dialect)
      await db.reset()
      const app = createApp({ db: db.db, dialect: db.dialect, version: 'e2e', staticDir, logRequests: false, setupToken: options.setupToken, network: options.network, passwordCost: TEST_COST })
      const drops = new Map<string, number>()
      const requests: string[] = []
      let up = true
      let version = 0
      const server = serve({
        hostname: '127.0.0.1',
        port: 0,
        fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
          const path = new URL(request.url).pathname
          if (!up) {
            env.outgoing.socket?.destroy()
            return new Response(null, { status: 503 })
          }
          if (path.startsWith('/api/')) requests.push(`${request.method} ${path}`)
          if (version && path === '/sw.js') {
            // Asked for uncompressed, so that the text can be changed.
            const headers = new Headers(request.headers)
            headers.delete('accept-encoding')
            const original = await app.fetch(new Request(request.url, { headers }), env)
            const text = (await original.text()) + `\n// release ${version}\n`
            return new Response(text, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' } })
          }
          const response = await app.fetch(request, env)
          const skips = drops.get(path)
          if (skips !== undefined && skips > 0) drops.set(path, skips - 1)
          else if (skips !== undefined && drops.delete(path)) {
            await response.arrayBuffer()
            env.outgoing.socket?.destroy()
            return new Response(null, { status: 503 })
          }
          return response
        },
      })
      await new Promise<void>((resolve) => server.once('listening', () => resolve()))
      const port = (server.address() as AddressInfo).port
      const launch: LaunchOptions = { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }
      const browser = await chromium.launch(launch)
      cleanups.push(() => browser.close(), () => new Promise<void>((r) => server.close(() => r())), () => db.close())
      ctx = {
        baseUrl: `http://127.0.0.1:${port}`,
        db,
        browser,
        requests,
        dropNextResponse: (p, skip = 0) => void drops.set(p, skip),
        publishNewVersion: () => {
          version++
        },
        setNetwork: (value) => {
          up = value
        },
        tempDir: () => {
          const dir = mkdtempSync(join(tmpdir(), 'yj-e2e-'))
          cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
          return dir
        },
        persistentContext: async (dir, options) => {
          const context = await chromium.launchPersistentContext(dir, { ...launch, ...options })
          cleanups.unshift(() => context.close().catch(() => undefined))
          return context
        },
      }
    }, 120_000)
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup()
    }, 60_000)
    beforeEach(async () => {
      await ctx!.db.reset()
      ctx!.setNetwork(true)
      ctx!.requests.length = 0
    })
    body(() => ctx!)
  })
}
