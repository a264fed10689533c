import { useState } from 'preact/hooks'
import type { UnitView } from '../../../shared/admin-api'
import { Field } from '../ui/Field'
import { UnitOptions } from '../ui/UnitOptions'
import { useText } from '../use-text'
import type { DashView } from './dashboard-query'
import { isPeriod, PRESETS, presetPeriod, type Preset } from './period'

/** The period (a preset or two China dates) and the unit the dashboard counts; applies at once. */
export function ScopeForm({ view, units, onChange }: { view: DashView; units: UnitView[]; onChange(view: DashView): void }) {
  const { s } = useText()
  const [custom, setCustom] = useState({ from: view.from, to: view.to })
  const choose = (preset: Preset) => {
    if (preset !== 'custom') return onChange({ ...view, preset, ...presetPeriod(preset) })
    // A custom period starts as the one shown.
    setCustom({ from: view.from, to: view.to })
    onChange({ ...view, preset })
  }
  const setDay = (key: 'from' | 'to', value: string) => {
    const next = { ...custom, [key]: value }
    setCustom(next)
    // A half-typed or reversed period is not asked for.
    if (isPeriod(next)) onChange({ ...view, preset: 'custom', ...next })
  }
  const preset = view.preset
  return (
    <form class="dash-scope" onSubmit={(e) => e.preventDefault()}>
      <Field id="d-period" label={s('dashPeriod')}>
        <select id="d-period" value={preset} onChange={(e) => choose(e.currentTarget.value as Preset)}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {s(p)}
            </option>
          ))}
        </select>
      </Field>
      {preset === 'custom' && (
        <>
          <Field id="d-from" label={s('fromDate')}>
            <input id="d-from" type="date" value={custom.from} max={custom.to} onInput={(e) => setDay('from', e.currentTarget.value)} />
          </Field>
          <Field id="d-to" label={s('toDate')}>
            <input id="d-to" type="date" value={custom.to} min={custom.from} onInput={(e) => setDay('to', e.currentTarget.value)} />
          </Field>
        </>
      )}
      <Field id="d-unit" label={s('dashUnit')}>
        <select id="d-unit" value={view.unitId} onChange={(e) => onChange({ ...view, unitId: e.currentTarget.value })}>
          <option value="">{s('allUnits')}</option>
          {units.length > 0 && <UnitOptions units={units} />}
        </select>
      </Field>
      <p class="dash-range">
        {view.from} – {view.to}
      </p>
    </form>
  )
}
