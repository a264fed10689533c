import type { TaskList } from '../../../shared/admin-api'
import { api } from '../api'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { TaskCard } from './TaskCard'
import './tasks.css'

/** 我的待办: the open dispatches that are the reviewer's to see to, soonest deadline first (a handler's home). */
export function Tasks() {
  const { s } = useText()
  const { data, error, loading } = useLoad(() => api.get<TaskList>('/api/admin/tasks'), [])
  return (
    <div class="adm-tasks">
      <h1>{s('navTasks')}</h1>
      <p class="adm-hint">{s('tasksHint')}</p>
      <Message text={error} />
      {loading && !data && <p class="adm-loading">{s('loading')}</p>}
      {data && data.tasks.length === 0 && <p class="adm-empty">{s('noTasks')}</p>}
      {data && data.tasks.length > 0 && (
        <ol class="adm-task-list">
          {data.tasks.map((task) => (
            <TaskCard key={task.assignmentId} task={task} />
          ))}
        </ol>
      )}
      {data?.more && <p class="adm-hint">{fill(s('tasksMore'), { n: String(data.tasks.length) })}</p>}
    </div>
  )
}
