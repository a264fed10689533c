// The worker's form route on first visit: the HTML, plus the CSS and JS it loads before the
// form works (the entry script and its static imports). "Works" means the script has taken the
// prerendered form over: what is typed is kept as the draft, the categories and the QR point's
// place are the device's and the server's, English can be asked for. What a press of 提交 needs
// on top (the shared schema's checks and error texts, the device storage with Dexie: fetched
// right after first paint, and waited for by a press that comes sooner) is summed apart, as the
// submit path; the other screens, the service worker and the admin views are listed apart too.
// Budget: 15.5 KB gzip (the goal is 14 KB, one round trip).
// The dashboard's charts (ECharts) are a chunk of their own, loaded only with the dashboard,
// with a budget of their own.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = process.argv[2] ?? 'dist/client'
const BUDGET = 15.5 * 1024
// Measured 178.3 KB (echarts core, bar, line, grid, tooltip, legend, SVG renderer) in November 2026.
const DASHBOARD_BUDGET = 190 * 1024
if (!existsSync(join(root, 'index.html'))) {
  console.error(`no build in ${root}: run "npm run build" first`)
  process.exit(2)
}
const gz = (path: string) => gzipSync(readFileSync(join(root, path)), { level: 9 }).length
const html = readFileSync(join(root, 'index.html'), 'utf8')

// Follow chunks' static imports (import … from "./x.js") through the chunks, into `into`.
const follow = (files: string[], into: Set<string>, skip = new Set<string>()) => {
  const visit = (file: string) => {
    if (into.has(file) || skip.has(file)) return
    into.add(file)
    const code = readFileSync(join(root, file), 'utf8')
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`)
  }
  files.forEach(visit)
  return into
}
const initial = follow([...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!), new Set())
// Vite lists the entry's static imports as modulepreload links too: count them whatever the scan found.
follow([...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!), initial)
// What a press of 提交 waits for beyond the form route: the checks and the device storage.
const submitPath = follow(readdirAssets().filter((f) => /\/(submit|device)-[^/]+\.js$/.test(f)), new Set(), initial)
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!)

const rows: Array<[string, number]> = [['index.html (prerendered form, inline CSS)', gz('index.html')]]
for (const file of [...css, ...initial]) rows.push([file, gz(file)])
const total = rows.reduce((sum, [, n]) => sum + n, 0)
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

console.log('Form route, first visit (gzip -9):')
for (const [name, n] of rows) console.log(`  ${kb(n).padStart(8)}  ${name}`)
console.log(`  ${kb(total).padStart(8)}  total (budget ${kb(BUDGET)})`)
console.log('Pressing 提交 also needs (fetched right after first paint, gzip -9):')
for (const file of submitPath) console.log(`  ${kb(gz(file)).padStart(8)}  ${file}`)
const submitTotal = [...submitPath].reduce((sum, f) => sum + gz(f), 0)
console.log(`  ${kb(submitTotal).padStart(8)}  submit path (with the form route: ${kb(total + submitTotal)})`)
const later = readdirAssets().filter((f) => !initial.has(f) && !submitPath.has(f))
console.log('Loaded after first paint or on demand:')
for (const file of later) console.log(`  ${kb(gz(file)).padStart(8)}  ${file}`)
if (existsSync(join(root, 'sw.js'))) console.log(`  ${kb(gz('sw.js')).padStart(8)}  sw.js (service worker)`)
const charts = readdirAssets().filter((f) => /\/dashboard-charts-[^/]+\.js$/.test(f))
const chartsSize = charts.reduce((sum, f) => sum + gz(f), 0)
console.log('Dashboard charts, with the dashboard only (gzip -9):')
console.log(`  ${kb(chartsSize).padStart(8)}  ${charts.join(', ') || 'missing'} (budget ${kb(DASHBOARD_BUDGET)})`)
let failed = false
if (total > BUDGET) {
  console.error(`over budget by ${kb(total - BUDGET)}`)
  failed = true
}
if (charts.length === 0 || charts.some((f) => initial.has(f))) {
  console.error('the dashboard charts must be a chunk of their own, never on the form route')
  failed = true
}
if (chartsSize > DASHBOARD_BUDGET) {
  console.error(`dashboard charts over budget by ${kb(chartsSize - DASHBOARD_BUDGET)}`)
  failed = true
}
if (failed) process.exit(1)

function readdirAssets(): string[] {
  return readdirSync(join(root, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => `assets/${f}`)
}
