import type { UnitView } from '../../../shared/admin-api'

/** The subtree as indented options: the API lists each unit before its children. */
export function UnitOptions({ units }: { units: UnitView[] }) {
  const base = Math.min(...units.map((u) => u.path.length))
  return (
    <>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {'\u3000'.repeat(u.path.length - base)}
          {u.name}
        </option>
      ))}
    </>
  )
}
