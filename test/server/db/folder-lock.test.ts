import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectPglite } from '../../../server/db/connect'
import { FolderLockedError, lockDataFolder, LOCK_FILE } from '../../../server/db/folder-lock'
import { runTs, startServer, stopServer, type ServerProcess } from '../../helpers/server-process'
import { workerItem } from '../../helpers/worker-item'

const folder = () => mkdtempSync(join(tmpdir(), 'yj-data-'))

/** `npm run user -- …` on a data folder; resolves with its exit code and what it printed. */
function userCommand(dataDir: string, args: string[], stdin = ''): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = runTs('server/cli/user.ts', args, { DATA_DIR: dataDir })
    let out = ''
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()))
    child.stdin!.end(stdin)
    child.once('exit', (code) => resolve({ code, out }))
  })
}

describe('the embedded database folder lock', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('lets one holder in, names it to a second opener, and frees the folder on release', () => {
    const dir = folder()
    dirs.push(dir)
    const lock = lockDataFolder(dir, 'server')
    let refused: unknown
    try {
      lockDataFolder(dir, 'user command')
    } catch (err) {
      refused = err
    }
    expect(refused).toBeInstanceOf(FolderLockedError)
    expect((refused as Error).message).toContain(`进程号 ${process.pid}`)
    expect((refused as Error).message).toContain('Ctrl+C')
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    lockDataFolder(dir, 'user command').release()
  })

  it('takes over a lock left by a process that is gone', () => {
    const dir = folder()
    dirs.push(dir)
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone), host: hostname(), holder: 'server', since: '2026-01-01' }))
    const lock = lockDataFolder(dir, 'server')
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  describe('with the server running on it', () => {
    let server: ServerProcess | undefined
    afterAll(() => stopServer(server))

    it('refuses the account command while the server holds the folder, writes nothing, and works once it stopped', async () => {
      const dir = folder()
      dirs.push(dir)
      server = startServer({ DATA_DIR: dir })
      const port = await server.ready
      const pid = server.child.pid!
      // A fresh install says what to do next, with a one-time link for the first admin.
      await server.waitFor(/\/admin\/setup\?token=[A-Za-z0-9_-]{32}/)
      expect(server.output()).toContain(`http://127.0.0.1:${port}/?s=`)

      const refused = await userCommand(dir, ['add', 'wang', '--role', 'officer', '--unit', '艾家湾采油作业区'], 'a long enough password\n')
      expect(refused.code).toBe(1)
      expect(refused.out).toContain(`进程号 ${pid}`)
      expect(refused.out).toContain(`pid ${pid}`)
      expect(refused.out).not.toMatch(/已创建账号|Created account/)

      // Requests in flight when the stop comes are finished; the folder is closed cleanly and freed.
      const items = Array.from({ length: 6 }, (_, i) => workerItem(`关闭前提交的第 ${i} 条意见`))
      const sent = items.map((item) =>
        fetch(`http://127.0.0.1:${port}/api/suggestions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [item] }) })
          .then((r) => r.status)
          .catch(() => 0),
      )
      const firstDone = await Promise.race(sent)
      server.kill('SIGTERM')
      const statuses = await Promise.all(sent)
      expect(firstDone).toBe(201)
      expect(await server.exited).toBe(0)
      expect(server.output()).toMatch(/\[server\] stopped/)
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false)

      const added = await userCommand(dir, ['add', 'wang', '--role', 'officer', '--unit', '艾家湾采油作业区'], 'a long enough password\n')
      expect([added.code, added.out]).toEqual([0, expect.stringContaining('Created account: wang')])

      const reopened = await connectPglite(dir)
      try {
        const stored = await reopened.db.selectFrom('suggestions').select('id').execute()
        const acknowledged = items.filter((_, i) => statuses[i] === 201).map((i) => i.id)
        expect(acknowledged.length).toBeGreaterThan(0)
        expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining(acknowledged))
        expect(await reopened.db.selectFrom('users').select('username').execute()).toEqual([{ username: 'wang' }])
      } finally {
        await reopened.close()
      }
    }, 90_000) // three processes, each starting node and the embedded database: ~10 s on a quiet machine
  })
})
