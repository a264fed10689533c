// How fast the worker's form shows: first visit with a cold cache on emulated slow links
// (CDP Network.emulateNetworkConditions), and a cold offline open of the installed app.
// Run `npm run build` first, then `npx tsx bench/form-load.ts [runs]`. Prints medians and maxima.
import { PGlite } from '@electric-sql/pglite'
import { serve } from '@hono/node-server'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createApp } from '../server/app'
import { fromPglite } from '../server/db/connect'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'

const RUNS = Number(process.argv[2] ?? 7)
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const PROFILES = [
  { name: '400 kbps / 400 ms', kbps: 400, latency: 400, budget: 1000 },
  { name: '250 kbps / 800 ms', kbps: 250, latency: 800, budget: 1800 },
]

const db = fromPglite(await PGlite.create())
await migrateToLatest(db.db)
await seedDemoIfEmpty(db.db)
const app = createApp({ db: db.db, dialect: 'pglite', version: 'bench', staticDir: 'dist/client', logRequests: false })
let up = true
const server = serve({
  fetch: (req, env) => {
    if (!up) {
      env.outgoing.socket?.destroy()
      return new Response(null, { status: 503 })
    }
    return app.fetch(req, env)
  },
  hostname: '127.0.0.1',
  port: 0,
})
await new Promise((r) => server.once('listening', r))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const url = `${base}/?s=cs1`
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS })

/** Milliseconds from navigation start to the first paint that holds the form, and the HTML's bytes on the wire. */
async function formPaint(page: Page): Promise<{ ms: number; htmlBytes: number }> {
  await page.getByLabel('意见内容').waitFor({ state: 'visible' })
  return page.evaluate(async () => {
    const paint = await new Promise<number>((resolve) => {
      const found = performance.getEntriesByName('first-contentful-paint')[0]
      if (found) return resolve(found.startTime)
      new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true })
    })
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    return { ms: paint, htmlBytes: nav.transferSize }
  })
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return { median: s[Math.floor(s.length / 2)]!, max: s.at(-1)! }
}

/** A fresh page with no cache, on a link of `kbps` and `latency` ms (and a CPU `slower` times slower). */
async function throttledPage(kbps: number, latency: number, slower = 1) {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const bps = (kbps * 1000) / 8
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: bps, uploadThroughput: bps })
  if (slower > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slower })
  return { context, page }
}

console.log(`form visible (first contentful paint, the prerendered form), ${RUNS} cold runs each:`)
for (const profile of PROFILES) {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttledPage(profile.kbps, profile.latency)
    await page.goto(url, { waitUntil: 'commit' })
    const { ms, htmlBytes } = await formPaint(page)
    times.push(ms)
    bytes = htmlBytes
    await context.close()
  }
  const { median, max } = stats(times)
  console.log(`  ${profile.name}: median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms (budget ${profile.budget} ms; HTML ${bytes} bytes on the wire)`)
}

// A phone 4x slower than this machine on the weaker link: from navigation to the first keystroke
// kept on the phone (in the draft mirror), typed as soon as the form shows.
{
  const kept: number[] = []
  const hydrated: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttledPage(250, 800, 4)
    await page.goto(url, { waitUntil: 'commit' })
    await page.getByLabel('意见内容').waitFor({ state: 'visible' })
    await page.getByLabel('意见内容').pressSequentially('食')
    await page.waitForFunction(() => localStorage.getItem('yj.draft')?.includes('食'))
    kept.push(await page.evaluate(() => performance.now()))
    await page.locator('.from strong', { hasText: '文化墙' }).waitFor()
    hydrated.push(await page.evaluate(() => performance.now()))
    await context.close()
  }
  const k = stats(kept)
  const h = stats(hydrated)
  console.log(`first keystroke kept on a 4x slower phone at 250 kbps / 800 ms, ${RUNS} cold runs:`)
  console.log(`  kept at: median ${k.median.toFixed(0)} ms, max ${k.max.toFixed(0)} ms after navigation start (budget 2000 ms); the app's script took over at median ${h.median.toFixed(0)} ms`)
}

const profile = mkdtempSync(join(tmpdir(), 'yj-bench-'))
{
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS })
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null)
  await context.close()
}
up = false
const offline: number[] = []
const wall: number[] = []
for (let i = 0; i < RUNS; i++) {
  const started = performance.now()
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, offline: true })
  const page = context.pages()[0] ?? (await context.newPage())
  const opened = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  const { ms } = await formPaint(page)
  wall.push(performance.now() - opened)
  offline.push(ms)
  void started
  await context.close()
}
const o = stats(offline)
const w = stats(wall)
console.log(`cold offline open of the installed app (browser started, no server), ${RUNS} runs:`)
console.log(`  form painted: median ${o.median.toFixed(0)} ms, max ${o.max.toFixed(0)} ms after navigation start; usable form: median ${w.median.toFixed(0)} ms, max ${w.max.toFixed(0)} ms from goto (budget 1000 ms)`)

await browser.close()
server.close()
await db.close()
rmSync(profile, { recursive: true, force: true })
