/** What a chart draws, in the dashboard's terms; chart-option.ts turns it into an ECharts option. */
export interface ChartSpec {
  /** One label per row, in the table's order. */
  labels: string[]
  /** Where a click on each row's bar or point leads (the filtered inbox), or null. */
  hrefs: Array<string | null>
  series: Array<{ name: string; type: 'bar' | 'line'; values: Array<number | null>; percent?: boolean }>
  /** Bars along the labels' axis laid sideways, so long unit names stay readable. */
  horizontal?: boolean
}
