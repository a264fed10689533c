import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { connectPostgres } from '../../../server/db/connect'
import type { NotifyMessage } from '../../../shared/notify'
import { startServer, stopServer, type ServerProcess } from '../../helpers/server-process'
import { databaseUrl, POSTGRES_URL } from '../../helpers/test-db'
import { webhookReceiver } from '../../helpers/webhook-receiver'

const message = (title: string): NotifyMessage => ({ kind: 'test', title, lines: [], link: null, item: null })

// Every app process runs a sender; on one PostgreSQL they must not send a message twice, and a
// message must survive the process that was sending it.
describe.skipIf(!POSTGRES_URL)('the outbox with two app processes on one PostgreSQL', () => {
  const name = `yj_notify_${randomBytes(4).toString('hex')}`
  const servers: ServerProcess[] = []
  const admin = POSTGRES_URL ? connectPostgres(POSTGRES_URL, { max: 1 }) : null

  afterAll(async () => {
    for (const s of servers) await stopServer(s)
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin!.db)
    await admin!.close()
  })

  it('sends each message once, and after a restart what a dead process had claimed or left waiting', async () => {
    await sql.raw(`create database ${name}`).execute(admin!.db)
    const url = databaseUrl(POSTGRES_URL!, name)
    // A little slow, like a real robot: 60 messages take both senders' rounds, which overlap.
    const receiver = await webhookReceiver({ delayMs: 100 })
    const start = () => {
      const s = startServer({ DATABASE_URL: url, SEED_DEMO: 'yes' })
      servers.push(s)
      return s.ready
    }
    await start()
    await start()
    const db = connectPostgres(url, { max: 2 })
    try {
      const root = (await db.db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id
      const { id: channel } = await db.db
        .insertInto('notify_channels')
        .values({ unit_id: root, kind: 'webhook', name: '工会群', url: `${receiver.base}/union` })
        .returning('id')
        .executeTakeFirstOrThrow()
      const titles = Array.from({ length: 60 }, (_, i) => `消息 ${i}`)
      await db.db
        .insertInto('notify_outbox')
        .values(titles.map((t) => ({ channel_id: channel, kind: 'test' as const, message: JSON.stringify(message(t)) })))
        .execute()
      await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 200 }).toBeGreaterThanOrEqual(60)
      // Six seconds of sending spans both senders' 5 s rounds; two more rounds of each send nothing again.
      await new Promise((r) => setTimeout(r, 11_000))
      const got = receiver.received.map((r) => r.body.title as string)
      expect(got.toSorted()).toEqual(titles.toSorted())
      expect((await db.db.selectFrom('notify_outbox').select('state').where('state', '!=', 'sent').execute()).length).toBe(0)

      // Both processes stop dead: one of them had claimed a message (its lease ran out), another still waits.
      for (const s of servers) await stopServer(s)
      await db.db
        .insertInto('notify_outbox')
        .values([
          { channel_id: channel, kind: 'test', message: JSON.stringify(message('被中断的消息')), state: 'pending' },
          { channel_id: channel, kind: 'test', message: JSON.stringify(message('等待中的消息')) },
        ])
        .execute()
      await db.db.updateTable('notify_outbox').set({ state: 'sending', claimed_until: new Date(Date.now() - 1000) }).where(sql<boolean>`message->>'title' = '被中断的消息'`).execute()
      receiver.received.length = 0
      await start()
      await expect.poll(() => receiver.received.map((r) => r.body.title as string).toSorted(), { timeout: 20_000, interval: 200 }).toEqual(['等待中的消息', '被中断的消息'])
    } finally {
      await db.close()
      await receiver.close()
    }
  }, 90_000)
})
