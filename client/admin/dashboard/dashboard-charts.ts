// ECharts, piece by piece: only what the dashboard draws. Loaded by Chart.tsx with a dynamic
// import, so this chunk (and echarts) reaches only the browsers that open the dashboard.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer])

export { init }
export { chartOption } from './chart-option'
