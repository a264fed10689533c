import type { UnitView } from '../../../shared/admin-api'
import { useText } from '../use-text'
import { Field } from './Field'
import { UnitOptions } from './UnitOptions'

/** A required choice of one unit of the subtree, starting empty (请选择). */
export function UnitField({ id, label, units, value, onChange }: { id: string; label: string; units: UnitView[]; value: string; onChange(id: string): void }) {
  const { s } = useText()
  return (
    <Field id={id} label={label}>
      <select id={id} required value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{s('choose')}</option>
        <UnitOptions units={units} />
      </select>
    </Field>
  )
}
