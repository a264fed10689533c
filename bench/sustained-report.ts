/** The figures of `bench/sustained.ts` and their printout. */
import { availableParallelism } from 'node:os'
import type { Kind } from './sustained-mix'

const cpus = availableParallelism()

export interface KindFigures {
  count: number
  errors: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Requests answered by each app process, by name. */
  byProcess: Record<string, number>
}

export interface RssFigures {
  name: string
  pid: number
  startMb: number
  middleMb: number
  endMb: number
  /** Least-squares slope over the measured samples (one a second). */
  slopeMbPerMin: number
  /** The same over the second half only, once start-up garbage is collected. */
  lateSlopeMbPerMin: number
  /** CPU used over the measured seconds, in % of one core. */
  cpuPercent: number
}

export interface ErrorSample {
  /** `rss`: a process could not be sampled (it had exited). */
  kind: Kind | 'rss'
  atS: number
  servedBy: string
  what: string
}

export interface SustainedResult {
  rate: number
  seconds: number
  warmupSeconds: number
  /** Over the measured seconds; warm-up requests are left out of the figures but not of `errorCount`. */
  kinds: Record<Kind, KindFigures>
  errorCount: number
  errors: ErrorSample[]
  /** The machine's 1-minute load average before and after (2 cores: above 2, others compete). */
  loadAverage: [number, number]
  /** How late the scheduler sent its latest request (open loop: latency counts from the planned time). */
  maxLagMs: number
  rss: RssFigures[]
  /** One officer session made by each process (login through the proxy), and who took it. */
  sessions: Array<{ madeBy: string; acceptedBy: string[] }>
  /** Lookups that asked for an item the other process stored. */
  lookupsCrossed: number
  items: { created: number; found: number; rowsBefore: number; rowsAfter: number; gapFree: boolean }
  /**
   * Rate-limit rows per scope under the shared key and the client's address (`strays`: new rows
   * under any other key). `counted` falls short of `sent` when an ended window was swept.
   */
  limits: Array<{ scope: string; rows: number; counted: number; sent: number; strays: number }>
  proxyFailures: number
  appStderr: Record<string, string[]>
  problems: string[]
  ok: boolean
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Least-squares slope of y over x. */
export function slope(points: Array<[number, number]>): number {
  const n = points.length
  if (n < 2) return 0
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  let num = 0
  let den = 0
  for (const [x, y] of points) {
    num += (x - mx) * (y - my)
    den += (x - mx) ** 2
  }
  return den ? num / den : 0
}

const ms = (n: number) => n.toFixed(1).padStart(7)
const mb = (n: number) => n.toFixed(1).padStart(6)

export function formatReport(r: SustainedResult): string {
  const lines = [
    `${r.seconds} s at ${r.rate} req/s (after ${r.warmupSeconds} s of warm-up at the same rate), open loop; latency from the planned send time`,
    '',
    'kind     count  errors   p50 ms   p95 ms   p99 ms   max ms   served by',
  ]
  for (const [kind, f] of Object.entries(r.kinds)) {
    const by = Object.entries(f.byProcess).map(([k, v]) => `${k} ${v}`).join(', ')
    lines.push(`${kind.padEnd(7)} ${String(f.count).padStart(6)} ${String(f.errors).padStart(7)}  ${ms(f.p50)}  ${ms(f.p95)}  ${ms(f.p99)}  ${ms(f.max)}   ${by}`)
  }
  lines.push(`errors in all (warm-up too): ${r.errorCount}; scheduler's worst lag ${r.maxLagMs.toFixed(1)} ms; proxy 502s ${r.proxyFailures}`)
  lines.push(`load average (1 min) before / after: ${r.loadAverage.map((n) => n.toFixed(2)).join(' / ')} on ${cpus} cores`)
  for (const e of r.errors) lines.push(`  ${e.kind} at ${e.atS.toFixed(1)} s via ${e.servedBy || '?'}: ${e.what}`)
  lines.push('', 'process  pid      start MiB  middle MiB  end MiB  MiB/min  2nd half  CPU %')
  for (const p of r.rss) {
    const slopes = `${p.slopeMbPerMin.toFixed(1).padStart(7)}  ${p.lateSlopeMbPerMin.toFixed(1).padStart(8)}`
    lines.push(`${p.name.padEnd(8)} ${String(p.pid).padEnd(8)} ${mb(p.startMb)}     ${mb(p.middleMb)}    ${mb(p.endMb)}  ${slopes}  ${p.cpuPercent.toFixed(0).padStart(5)}`)
  }
  lines.push(
    '',
    ...r.sessions.map((s) => `session made by ${s.madeBy} (login through the proxy): accepted by ${s.acceptedBy.join(' and ')} directly`),
    `lookups of an item the other process stored: ${r.lookupsCrossed}`,
    `items: ${r.items.created} answered 201, ${r.items.found} found by id; table ${r.items.rowsBefore} → ${r.items.rowsAfter} rows; numbers gap-free: ${r.items.gapFree ? 'yes' : 'NO'}`,
    `rate limits (rows under the shared key and the bench's address; counted / sent; other new rows):`,
    `  ${r.limits.map((l) => `${l.scope} ${l.rows} row(s), ${l.counted} / ${l.sent}, ${l.strays} other`).join('; ')}`,
  )
  for (const [name, err] of Object.entries(r.appStderr)) if (err.length) lines.push(`${name} stderr (${err.length} lines): ${err.slice(0, 3).join(' | ')}`)
  lines.push(r.ok ? 'OK' : `FAILED: ${r.problems.join('; ')}`)
  return lines.join('\n')
}
