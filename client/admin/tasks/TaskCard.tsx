import type { TaskView } from '../../../shared/admin-api'
import { categoryLabel } from '../../../shared/categories'
import { formatDate } from '../../../shared/time'
import { useCategories } from '../categories'
import { fill } from '../format'
import { itemHref, reportOnHref, slipHref } from '../route'
import type { TextKey } from '../strings'
import { useText } from '../use-text'

/** 还剩 N 天, 今天到期 or 已超期 N 天: China calendar days, as the server counted them. */
export function dueText(daysLeft: number, s: (key: TextKey) => string): string {
  if (daysLeft === 0) return s('dueToday')
  const n = Math.abs(daysLeft)
  if (daysLeft > 0) return n === 1 ? s('dueInOne') : fill(s('dueIn'), { n: String(n) })
  return n === 1 ? s('overdueByOne') : fill(s('overdueBy'), { n: String(n) })
}

/** One open dispatch, readable on a phone: which item, where, by when, and one tap to report (or print its slip). */
export function TaskCard({ task }: { task: TaskView }) {
  const { lang, s } = useText()
  const categories = useCategories()
  const late = task.daysLeft < 0
  return (
    <li class={late ? 'adm-row adm-task adm-row-overdue' : 'adm-row adm-task'}>
      <p class="adm-row-top">
        <span class="adm-number">{task.number}</span>
        <span class="adm-cat">{categoryLabel(task.category, lang, categories)}</span>
      </p>
      <a class="adm-row-title" href={itemHref(task.itemId)}>
        {task.summary}
      </a>
      <p class="adm-task-due">
        <strong class={late ? 'adm-task-days adm-task-late' : 'adm-task-days'}>{dueText(task.daysLeft, s)}</strong>
        <span>
          {s('deadline')} {formatDate(task.deadline, lang)}
        </span>
      </p>
      <p class="adm-row-meta">
        <span>{task.unit.name}</span>
        <span>
          {s('responsible')} {task.responsible.displayName}
        </span>
        <span>
          {s('leader')} {task.leader.displayName}
        </span>
      </p>
      <p class="adm-task-actions">
        {task.mayReport && (
          <a class="adm-task-report" href={reportOnHref(task.itemId, task.assignmentId)}>
            {s('reportResult')}
          </a>
        )}
        <a href={slipHref(task.itemId, task.assignmentId)}>{s('printSlip')}</a>
      </p>
    </li>
  )
}
