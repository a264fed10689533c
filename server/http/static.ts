import { serveStatic } from '@hono/node-server/serve-static'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './env'
import { shellResponder } from './shell'

/**
 * Serves the built PWA: hashed assets cached for a year, everything else revalidated so a new
 * version (and its service worker) is seen at once. Brotli/gzip twins made at build time are
 * preferred when the browser accepts them. Unknown paths get the app shell.
 */
export function mountStatic(app: Hono<AppEnv>, root: string): void {
  const indexPath = join(root, 'index.html')
  if (!existsSync(indexPath)) {
    throw new Error(`the built app is missing (${indexPath}); run "npm run build" first`)
  }
  app.use('*', async (c, next) => {
    await next()
    if (c.req.method !== 'GET' || c.req.path.startsWith('/api/') || c.res.headers.has('cache-control')) return
    const immutable = c.req.path.startsWith('/assets/')
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
  })
  // The shell is made per request (it carries the no-script form's keys), never from a file twin.
  const shell = shellResponder(root)
  app.get('/', shell)
  app.get('/index.html', shell)
  app.use('*', serveStatic({ root, precompressed: true }))
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(c.req.path)) return c.notFound()
    return shell(c)
  })
}

/**
 * CSP hashes of the inline blocks the build put into index.html: the form's CSS rides in the first
 * response so the form paints after one round trip, and a small script keeps what the worker types
 * before the app's script arrives. Hashes, so no 'unsafe-inline' is needed.
 */
export function inlineHashes(root: string, tag: 'style' | 'script'): string[] {
  const indexPath = join(root, 'index.html')
  if (!existsSync(indexPath)) return []
  const html = readFileSync(indexPath, 'utf8')
  // Only blocks without attributes: a module script with a src has no inline body to hash.
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`,
  )
}
