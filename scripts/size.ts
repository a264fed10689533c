// The worker's form route on first visit: the HTML, plus the CSS and JS it loads before the
// form works (the entry script and its static imports). Dexie, the service worker and the
// admin views load after first paint or on demand and are listed apart. Budget: 30 KB gzip.
// The dashboard's charts (ECharts) are a chunk of their own, loaded only with the dashboard,
// with a budget of their own.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = process.argv[2] ?? 'dist/client'
const BUDGET = 30 * 1024
// Measured 178.3 KB (echarts core, bar, line, grid, tooltip, legend, SVG renderer) in November 2026.
const DASHBOARD_BUDGET = 190 * 1024
if (!existsSync(join(root, 'index.html'))) {
  console.error(`no build in ${root}: run "npm run build" first`)
  process.exit(2)
}
const gz = (path: string) => gzipSync(readFileSync(join(root, path)), { level: 9 }).length
const html = readFileSync(join(root, 'index.html'), 'utf8')

// Follow the entry's static imports (import … from "./x.js") through the chunks.
const initial = new Set<string>()
const visit = (file: string) => {
  if (initial.has(file)) return
  initial.add(file)
  const code = readFileSync(join(root, file), 'utf8')
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`)
}
for (const m of html.matchAll(/<script[^>]+src="\/([^"]+)"/g)) visit(m[1]!)
// Vite lists the entry's static imports as modulepreload links too: count them whatever the scan found.
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)) visit(m[1]!)
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!)

const rows: Array<[string, number]> = [['index.html (prerendered form, inline CSS)', gz('index.html')]]
for (const file of [...css, ...initial]) rows.push([file, gz(file)])
const total = rows.reduce((sum, [, n]) => sum + n, 0)
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

console.log('Form route, first visit (gzip -9):')
for (const [name, n] of rows) console.log(`  ${kb(n).padStart(8)}  ${name}`)
console.log(`  ${kb(total).padStart(8)}  total (budget ${kb(BUDGET)})`)
const later = readdirAssets().filter((f) => !initial.has(f))
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
