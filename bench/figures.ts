/** One measured figure against its goal, as the benches print them. */
export interface Figure {
  name: string
  p50: number
  p95: number
  /** The p95 to stay at or under (for rates: the least acceptable value of `p50`). */
  goal: number | null
  unit: 'ms' | 'items/s' | 'ratio' | 'KB'
  /** Higher is better (rates), rather than lower (times). */
  higher?: boolean
  note?: string
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
}

const num = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1))

/** A markdown table: the figure, its goal, and whether it is met. */
export function table(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const value = f.higher ? f.p50 : f.p95
    const met = f.goal === null ? '' : (f.higher ? value >= f.goal : value <= f.goal) ? 'yes' : '**no**'
    const goal = f.goal === null ? '' : `${f.higher ? '≥' : '≤'} ${num(f.goal)}`
    return `| ${f.name} | ${num(f.p50)} | ${f.higher ? '' : num(f.p95)} | ${goal} | ${met} |${f.note ? ` ${f.note} |` : ''}`
  })
  return ['| what | p50 / value | p95 | goal | met |', '|---|---:|---:|---:|:---:|', ...rows].join('\n')
}
