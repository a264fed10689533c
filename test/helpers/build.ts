import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this run's own where the first worker to need the built app builds it. */
    buildLock: string | null
  }
}

/** The built PWA's folder, as the browser tests and the form without script serve it. */
export const STATIC_DIR = process.env.E2E_STATIC_DIR || 'dist/client'

let built: Promise<string> | undefined

/**
 * Builds the app from the code under test, once per run and only when a test serves it (the
 * server and shared suites alone need no build). Whichever worker asks first builds; the others
 * wait for its mark. E2E_SKIP_BUILD=1 uses dist/client as it is (quick local reruns).
 */
export function builtClient(): Promise<string> {
  built ??= ensureBuilt().then(() => STATIC_DIR)
  return built
}

async function ensureBuilt(): Promise<void> {
  const lock = inject('buildLock')
  if (process.env.E2E_SKIP_BUILD === '1' || !lock) return
  const done = join(lock, 'done')
  const failed = join(lock, 'failed')
  let mine = false
  try {
    mkdirSync(lock)
    mine = true
  } catch {
    // Another worker is building.
  }
  if (mine) {
    try {
      await build()
      writeFileSync(done, '')
    } catch (err) {
      writeFileSync(failed, String(err))
      throw err
    }
    return
  }
  for (const started = Date.now(); Date.now() - started < 300_000; await new Promise((r) => setTimeout(r, 200))) {
    if (existsSync(done)) return
    if (existsSync(failed)) throw new Error(`the build failed: ${readFileSync(failed, 'utf8')}`)
  }
  throw new Error('the build did not finish within 5 minutes')
}

// Vitest sets NODE_ENV=test, which would make Vite build a development bundle (no service worker).
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code})`))))
  })
}
