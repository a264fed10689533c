import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { TaskView } from '../../../shared/admin-api'
import { S, type TextKey } from '../../../client/admin/strings'
import { dueText, TaskCard } from '../../../client/admin/tasks/TaskCard'

const zh = (key: TextKey) => S[key].zh
const en = (key: TextKey) => S[key].en

const TASK: TaskView = {
  assignmentId: '0190a4b2-0000-7000-8000-0000000000a1',
  itemId: '0190a4b2-0000-7000-8000-0000000000b1',
  number: 'YJ-2026-0007',
  category: 'livelihood',
  summary: '班车晚点',
  unit: { id: 'u1', name: '第一中心站' },
  leader: { id: 'l1', displayName: '李主任' },
  responsible: { id: 'r1', displayName: '一站站长' },
  deadline: '2026-11-24T15:59:59.999Z',
  daysLeft: -2,
  instructions: null,
  status: 'dispatched',
  mayReport: true,
}

describe('TaskCard, a row of 我的待办', () => {
  it('says the days left, due today, or the days overdue', () => {
    expect([3, 1, 0, -1, -12].map((n) => dueText(n, zh))).toEqual(['还剩 3 天', '还剩 1 天', '今天到期', '已超期 1 天', '已超期 12 天'])
    expect([3, 1, 0, -1, -12].map((n) => dueText(n, en))).toEqual(['3 days left', '1 day left', 'Due today', '1 day overdue', '12 days overdue'])
  })

  it('marks an overdue task, and offers the report only to whoever may report', () => {
    const html = renderToString(<TaskCard task={TASK} />)
    expect(html).toContain('adm-row-overdue')
    expect(html).toContain(`href="#/items/${TASK.itemId}?report=${TASK.assignmentId}"`)
    expect(html).toContain(`href="#/items/${TASK.itemId}/slip/${TASK.assignmentId}"`)
    const leaders = renderToString(<TaskCard task={{ ...TASK, daysLeft: 4, mayReport: false }} />)
    expect(leaders).not.toContain('adm-row-overdue')
    expect(leaders).not.toContain('报告办理结果')
    expect(leaders).toContain('打印交办单')
  })
})
