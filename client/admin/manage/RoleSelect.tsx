import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles'
import { Field } from '../ui/Field'
import { useText } from '../use-text'

export function RoleSelect({ id, value, onChange, disabled }: { id: string; value: Role; onChange: (r: Role) => void; disabled?: boolean }) {
  const { s, l } = useText()
  return (
    <Field id={id} label={s('role')}>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {l(ROLE_LABELS[r])}
          </option>
        ))}
      </select>
    </Field>
  )
}
