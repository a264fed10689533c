import type { EChartsCoreOption } from 'echarts/core'
import type { ChartSpec } from './chart-spec'

// The union's red, and a grey-blue for the second series: both readable on white.
const COLORS = ['#b3261e', '#3d5a80']

/** The ECharts option for a spec: bars (sideways when asked) and lines, a percent axis for rates. */
export function chartOption(spec: ChartSpec): EChartsCoreOption {
  const hasPercent = spec.series.some((s) => s.percent)
  const hasCount = spec.series.some((s) => !s.percent)
  const labelAxis = { type: 'category', data: spec.labels, axisLabel: { interval: 0, width: 96, overflow: 'truncate' }, inverse: Boolean(spec.horizontal) }
  const valueAxes = [
    ...(hasCount ? [{ type: 'value', minInterval: 1 }] : []),
    ...(hasPercent ? [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: !hasCount } }] : []),
  ]
  return {
    color: COLORS,
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: undefined },
    legend: spec.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: spec.series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    [spec.horizontal ? 'yAxis' : 'xAxis']: labelAxis,
    [spec.horizontal ? 'xAxis' : 'yAxis']: valueAxes,
    series: spec.series.map((s) => ({
      name: s.name,
      type: s.type,
      // Rates are drawn in percent on their own axis; null (nothing to count) leaves a gap.
      data: s.values.map((v) => (v === null ? null : s.percent ? Math.round(v * 1000) / 10 : v)),
      [spec.horizontal ? 'xAxisIndex' : 'yAxisIndex']: s.percent && hasCount ? 1 : 0,
      cursor: 'pointer',
      ...(s.type === 'line' ? { symbolSize: 8, connectNulls: false } : { barMaxWidth: 28 }),
      tooltip: s.percent ? { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) } : undefined,
    })),
  }
}
