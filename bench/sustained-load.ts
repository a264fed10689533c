/** The open-loop load of `bench/sustained.ts`: the schedule, the answers' figures, the RSS samples. */
import type { AppProcess } from './sustained-apps'
import { KINDS, type Kind, type Mix, type Outcome } from './sustained-mix'
import { percentile, slope, type ErrorSample, type RssFigures, type SustainedResult } from './sustained-report'

export interface Load {
  mix: Mix
  kinds: SustainedResult['kinds']
  errorCount: number
  errors: ErrorSample[]
  maxLagMs: number
  rss: RssFigures[]
  crossed: number
  /** Requests sent of each kind, warm-up included (lookups skipped for want of items left out). */
  sent: Record<Kind, number>
}

/** Sends slot n at t0 + n / rate whatever came back before (open loop), and samples RSS each second. */
export async function drive(mix: Mix, apps: AppProcess[], rate: number, seconds: number, warmupSeconds: number, log: (l: string) => void): Promise<Load> {
  const interval = 1000 / rate
  const warmSlots = Math.round(rate * warmupSeconds)
  const total = warmSlots + Math.round(rate * seconds)
  const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]))
  const served = new Map<Kind, Record<string, number>>(KINDS.map((k) => [k, {}]))
  const failed = new Map<Kind, number>(KINDS.map((k) => [k, 0]))
  const errors: ErrorSample[] = []
  let errorCount = 0
  let maxLagMs = 0
  let crossed = 0
  const sent: Record<Kind, number> = { submit: 0, track: 0, inbox: 0 }
  const t0 = performance.now() + 20
  const measuredFrom = t0 + warmupSeconds * 1000
  const samples: Array<{ t: number; mb: number[]; cpu: number[] }> = []
  const sample = () => {
    try {
      samples.push({ t: (performance.now() - measuredFrom) / 1000, mb: apps.map((a) => a.rssMb()), cpu: apps.map((a) => a.cpuS()) })
    } catch (err) {
      errorCount++
      errors.push({ kind: 'rss', atS: (performance.now() - measuredFrom) / 1000, servedBy: '', what: `RSS sample: ${String(err)}` })
    }
  }
  const sampler = setInterval(sample, 1000)
  const progress = setInterval(() => log(`[bench] ${Math.round((performance.now() - measuredFrom) / 1000)} s, ${errorCount} error(s)`), 10_000)
  const pending: Promise<void>[] = []

  const fire = (slot: number, due: number) => {
    maxLagMs = Math.max(maxLagMs, performance.now() - due)
    const kind = mix.kindOf(slot)
    const measured = slot >= warmSlots
    const done = (o: Outcome) => {
      const took = performance.now() - due
      if (o.skipped) return
      sent[kind]++
      if (o.crossed) crossed++
      const bad = o.problem ?? (o.status < 200 || o.status > 299 ? `status ${o.status}` : undefined)
      if (bad) {
        errorCount++
        if (measured) failed.set(kind, failed.get(kind)! + 1)
        if (errors.length < 10) errors.push({ kind, atS: (due - measuredFrom) / 1000, servedBy: o.servedBy, what: bad })
      }
      if (!measured) return
      latencies.get(kind)!.push(took)
      const by = served.get(kind)!
      by[o.servedBy] = (by[o.servedBy] ?? 0) + 1
    }
    pending.push(mix.run(kind, slot).then(done, (err: unknown) => done({ status: 0, servedBy: '', problem: `network: ${err instanceof Error ? err.message : String(err)}` })))
  }

  await new Promise<void>((resolveAll) => {
    let slot = 0
    const tick = () => {
      const now = performance.now()
      for (; slot < total && t0 + slot * interval <= now; slot++) fire(slot, t0 + slot * interval)
      if (slot >= total) return resolveAll()
      setTimeout(tick, Math.max(0, t0 + slot * interval - performance.now()))
    }
    setTimeout(tick, 20)
  })
  // The end sample is when the last request leaves; waiting for its answer is not load.
  clearInterval(sampler)
  sample()
  await Promise.all(pending)
  clearInterval(progress)

  const kinds = {} as SustainedResult['kinds']
  for (const kind of KINDS) {
    const sorted = latencies.get(kind)!.sort((a, b) => a - b)
    kinds[kind] = {
      count: sorted.length,
      errors: failed.get(kind)!,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      byProcess: served.get(kind)!,
    }
  }
  const measuredSamples = samples.filter((s) => s.t >= -0.5)
  const at = (t: number) => measuredSamples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best), measuredSamples[0]!)
  const [first, last] = [measuredSamples[0]!, measuredSamples.at(-1)!]
  const rss = apps.map((app, i): RssFigures => ({
    name: app.name,
    pid: app.pid,
    startMb: first.mb[i]!,
    middleMb: at(seconds / 2).mb[i]!,
    endMb: last.mb[i]!,
    slopeMbPerMin: slope(measuredSamples.map((s) => [s.t / 60, s.mb[i]!])),
    lateSlopeMbPerMin: slope(measuredSamples.filter((s) => s.t >= seconds / 2).map((s) => [s.t / 60, s.mb[i]!])),
    cpuPercent: ((last.cpu[i]! - first.cpu[i]!) / Math.max(0.001, last.t - first.t)) * 100,
  }))
  return { mix, kinds, errorCount, errors, maxLagMs, rss, crossed, sent }
}
