import { useText } from '../use-text'

/**
 * ▲ or ▼ and the difference from the previous period: for rates in percentage points, for
 * counts as a number. Colour is not the only sign (the arrow and the sign say it too), and only
 * rates are coloured: more items received is neither good nor bad.
 */
export function Trend({ now, before, points = false }: { now: number | null; before: number | null; points?: boolean }) {
  const { s } = useText()
  if (now === null || before === null) return null
  const diff = points ? Math.round((now - before) * 1000) / 10 : Math.round((now - before) * 10) / 10
  if (diff === 0) return <span class="dash-trend">＝</span>
  const up = diff > 0
  return (
    <span class={points ? (up ? 'dash-trend dash-up' : 'dash-trend dash-down') : 'dash-trend'}>
      {up ? '▲' : '▼'} {up ? '+' : ''}
      {diff}
      {points ? s('pointsUnit') : ''}
    </span>
  )
}
