import { UNIT_KINDS, type UnitKind } from '../../../shared/unit-kinds'
import type { TextKey } from '../strings'
import { Field } from '../ui/Field'
import { useText } from '../use-text'

export const kindKey = (kind: string) => `kind_${kind}` as TextKey

export function UnitKindSelect({ id, value, onChange }: { id: string; value: UnitKind; onChange: (k: UnitKind) => void }) {
  const { s } = useText()
  return (
    <Field id={id} label={s('unitKind')}>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as UnitKind)}>
        {UNIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {s(kindKey(k))}
          </option>
        ))}
      </select>
    </Field>
  )
}
