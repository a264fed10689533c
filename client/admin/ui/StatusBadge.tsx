import type { Status } from '../../../shared/lifecycle'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { useText } from '../use-text'

export function StatusBadge({ status }: { status: Status }) {
  const { l } = useText()
  return <span class={`adm-status adm-status-${status}`}>{l(STATUS_LABELS[status])}</span>
}
