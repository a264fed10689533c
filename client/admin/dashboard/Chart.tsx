import { useEffect, useRef } from 'preact/hooks'
import { navigate } from '../route'
import { useText } from '../use-text'
import type { ChartSpec } from './chart-spec'

/**
 * A chart of the rows its table lists (so the chart is hidden from screen readers: the table
 * says the same). ECharts arrives with the first chart; a click opens the row's filtered inbox.
 */
export function Chart({ spec, label }: { spec: ChartSpec; label: string }) {
  const { s } = useText()
  const box = useRef<HTMLDivElement>(null)
  // Redrawn only when what it shows changes, not on every render of the page.
  const drawn = JSON.stringify(spec)
  useEffect(() => {
    let disposed = false
    let cleanup = () => {}
    void import('./dashboard-charts').then(({ init, chartOption }) => {
      if (disposed || !box.current) return
      const chart = init(box.current, undefined, { renderer: 'svg' })
      chart.setOption(chartOption(spec))
      chart.on('click', (e) => {
        const href = spec.hrefs[e.dataIndex]
        if (href) navigate(href)
      })
      const resize = new ResizeObserver(() => chart.resize())
      resize.observe(box.current)
      cleanup = () => {
        resize.disconnect()
        chart.dispose()
      }
    })
    return () => {
      disposed = true
      cleanup()
    }
  }, [drawn])
  const height = spec.horizontal ? Math.max(160, spec.labels.length * 32 + 40) : 260
  return (
    <figure class="dash-chart">
      <div ref={box} class="dash-chart-box" style={{ height: `${height}px` }} aria-hidden="true" data-chart={label} />
      <figcaption class="adm-hint">{s('chartHint')}</figcaption>
    </figure>
  )
}
