/**
 * Messages and tasks at a whole oilfield's scale, on a database `bench/generate.ts` filled (about
 * one item in seven has an open dispatch there, most of them overdue): what every app process's
 * planner costs each minute, what its sender costs every 5 s when nothing is due, and 我的待办
 * through the real app. Run: part of `npm run bench`.
 */
import { createApp } from '../server/app'
import { SESSION_COOKIE } from '../server/auth/middleware'
import { createSession } from '../server/auth/sessions'
import { connectPostgres } from '../server/db/connect'
import { planDue } from '../server/jobs/notify-planner'
import { deliverDue } from '../server/notify/sender'
import { benchPeople } from './generate'
import { dayStart, todayInChina } from '../shared/time'
import { percentile, type Figure } from './figures'

const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now()
  await work()
  return performance.now() - start
}

const figure = (name: string, ms: number[], goal: number | null, note?: string): Figure => ({
  name,
  p50: Math.round(percentile(ms, 0.5) * 10) / 10,
  p95: Math.round(percentile(ms, 0.95) * 10) / 10,
  goal,
  unit: 'ms',
  ...(note ? { note } : {}),
})

export async function runNotify(opts: { url: string }): Promise<Figure[]> {
  const db = connectPostgres(opts.url)
  try {
    const { handler } = await benchPeople(db.db)
    await db.db.deleteFrom('notify_marks').execute()
    // 9:00 in China today, past the union's digest hour (8:00): the first round writes every
    // reminder due and the day's digests.
    const at = new Date(dayStart(todayInChina()).getTime() + 9 * 3600_000)
    const { open, overdue } = await db.db
      .selectFrom('assignments')
      .select((eb) => [eb.fn.countAll<string>().as('open'), eb.fn.count<string>('id').filterWhere('deadline', '<', at).as('overdue')])
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow()
    // A round writes at most 500 reminders; the rounds after it write the rest.
    const written = { reminders: 0, messages: 0, rounds: 0 }
    const first = await timed(async () => {
      for (;;) {
        const round = await planDue(db.db, at)
        written.reminders += round.reminders
        written.messages += round.reminders + round.overdue + round.triage
        written.rounds++
        if (round.reminders < 500) return
      }
    })
    const steady: number[] = []
    for (let i = 0; i < 20; i++) steady.push(await timed(() => planDue(db.db, at)))
    // The sender's round when nothing is due: the outbox's partial index.
    await db.db.updateTable('notify_outbox').set({ state: 'sent' }).execute()
    const idle: number[] = []
    for (let i = 0; i < 30; i++) idle.push(await timed(() => deliverDue(db.db, { origin: null, fallbackUrl: null })))
    const app = createApp({ db: db.db, dialect: db.dialect })
    const cookie = `${SESSION_COOKIE}=${(await createSession(db.db, handler)).token}`
    const tasks: number[] = []
    for (let i = 0; i < 33; i++) {
      const ms = await timed(async () => {
        const res = await app.request('/api/admin/tasks', { headers: { cookie } })
        if (res.status !== 200) throw new Error(`tasks: ${res.status}`)
        await res.arrayBuffer()
      })
      if (i >= 3) tasks.push(ms)
    }
    const note = `${Number(open).toLocaleString('en-US')} open dispatches, ${Number(overdue).toLocaleString('en-US')} overdue`
    return [
      figure(`planner, first rounds (${written.rounds}: ${written.reminders} reminders, ${written.messages} messages with the day’s digests)`, [first], null, note),
      figure('planner, a minute later (nothing new)', steady, 50),
      figure('sender, a round with nothing due', idle, 20),
      figure('我的待办, a handler of the top unit (GET /api/admin/tasks, 200 rows)', tasks, 100),
    ]
  } finally {
    await db.db.deleteFrom('notify_outbox').execute()
    await db.db.deleteFrom('notify_marks').execute()
    await db.close()
  }
}
