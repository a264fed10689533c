import { execSync } from 'node:child_process'

// Browser tests drive the built app: build it once per run, from the code under test.
// E2E_SKIP_BUILD=1 reuses dist/client (for quick local reruns).
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return
  const started = Date.now()
  // Vitest sets NODE_ENV=test, which would make Vite build a development bundle (no service worker).
  execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  console.log(`[e2e] built the app in ${Date.now() - started} ms`)
}
