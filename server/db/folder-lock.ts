import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * The embedded database folder is opened by one process at a time: PGlite keeps its pages in
 * memory and writes them back, so two processes on one folder lose each other's writes. A lock
 * file names the holder; a second opener is refused with that name, and a lock left by a process
 * that is gone (killed, machine restarted) is taken over.
 */

export const LOCK_FILE = 'yijian.lock'

/** Who may hold the folder, named in the message a second opener reads. */
const HOLDERS: Record<string, { zh: string; en: string }> = {
  server: { zh: '应用服务 npm start', en: 'the app server, npm start' },
  'user command': { zh: '账号命令 npm run user', en: 'the account command, npm run user' },
}
const holderName = (holder: string) => HOLDERS[holder] ?? { zh: holder, en: holder }

interface Holder {
  pid: number
  host: string
  holder: string
  since: string
}

export class FolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly held: Holder,
  ) {
    super(
      `数据文件夹 ${dataDir} 正由另一个进程使用（进程号 ${held.pid}，${holderName(held.holder).zh}，${held.since} 起）。` +
        `内置数据库一次只能由一个进程打开，本进程没有写入任何内容。请先停止该进程（在运行 npm start 的终端按 Ctrl+C，或 kill ${held.pid}），再重试；` +
        `需要多个进程同时使用时，请改用 PostgreSQL 服务器（DATABASE_URL）。\n` +
        `The data folder ${dataDir} is in use by another process (pid ${held.pid}, ${holderName(held.holder).en}, since ${held.since}). ` +
        `The embedded database is opened by one process at a time; nothing was written. Stop that process first ` +
        `(Ctrl+C where npm start runs, or kill ${held.pid}) and try again, or use a PostgreSQL server (DATABASE_URL) for several processes.`,
    )
    this.name = 'FolderLockedError'
  }
}

export interface FolderLock {
  release(): void
}

/** Takes the folder's lock for this process, or throws FolderLockedError naming the holder. */
export function lockDataFolder(dataDir: string, holder: string): FolderLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  const me: Holder = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString() }
  // Written whole beside the lock, then linked into place: the lock file never exists half-written.
  const draft = `${path}.${process.pid}`
  writeFileSync(draft, JSON.stringify(me))
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, path)
        return { release: () => releaseIfMine(path) }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const held = readHolder(path)
      if (held && isAlive(held)) throw new FolderLockedError(dataDir, held)
      // Left behind by a process that is gone (killed, machine restarted): take it over. Two
      // openers that both find the same dead holder at the same instant could both get here; that
      // takes a crash and two starts within a millisecond, and is not guarded against.
      try {
        unlinkSync(path)
      } catch {
        // already gone
      }
    }
  } finally {
    unlinkSync(draft)
  }
  const held = readHolder(path)
  throw new FolderLockedError(dataDir, held ?? { pid: 0, host: '?', holder: '?', since: '?' })
}

function readHolder(path: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>
    if (typeof parsed.pid !== 'number') return null
    return { pid: parsed.pid, host: String(parsed.host ?? ''), holder: String(parsed.holder ?? ''), since: String(parsed.since ?? '') }
  } catch {
    // Unreadable: not a lock this code wrote, so nobody holds it.
    return null
  }
}

/** Whether the process named in the lock still runs (on this machine; a folder is local). */
function isAlive(held: Holder): boolean {
  if (held.host !== hostname()) return true // another machine's process on a shared disk: never steal
  if (held.pid === process.pid) return true
  try {
    process.kill(held.pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A pid reused after a reboot by something that is not Node is not the holder.
  try {
    const cmdline = readFileSync(`/proc/${held.pid}/cmdline`, 'utf8')
    return /node|tsx/.test(cmdline)
  } catch {
    return true // no /proc (macOS, Windows): trust the pid
  }
}

function releaseIfMine(path: string): void {
  const held = readHolder(path)
  if (held?.pid !== process.pid || held.host !== hostname()) return
  try {
    unlinkSync(path)
  } catch {
    // already gone
  }
}
