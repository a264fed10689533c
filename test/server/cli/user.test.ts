import { PGlite } from '@electric-sql/pglite'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ERRORS } from '../../../shared/errors'
import { passwords, verifyPassword } from '../../../server/auth/passwords'
import { run, type Io } from '../../../server/cli/user'
import { fromPglite } from '../../../server/db/connect'
import { createUser, login, TEST_COST, unitId } from '../../helpers/admin'
import { testApp } from '../../helpers/test-app'
import { describeEachDialect, type TestDb } from '../../helpers/test-db'

const PASSWORD = 'a long enough password'
const ADD_ADMIN = ['add', 'admin', '--role', 'admin', '--unit', '艾家湾采油作业区', '--name', '管理员']

/** The command in process on the test database; `stdin` null stands for a terminal. */
async function cli(db: TestDb, argv: string[], stdin: string | null = PASSWORD) {
  const out: string[] = []
  const err: string[] = []
  let opened = false
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), readPassword: async () => stdin }
  const code = await run(
    argv,
    io,
    async () => {
      opened = true
      return { ...db, close: async () => {} }
    },
    passwords(TEST_COST),
  )
  return { code, out: out.join('\n'), err: err.join('\n'), opened }
}

const userCount = async (db: TestDb) =>
  Number((await db.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describeEachDialect('account command line', ({ db }) => {
  it('adds an account with the piped password, who can then log in', async () => {
    const res = await cli(db(), ADD_ADMIN)
    expect(res).toMatchObject({ code: 0, err: '' })
    expect(res.out).toContain('Created account: admin (系统管理员 admin, 艾家湾采油作业区)')
    expect(res.out).not.toContain(PASSWORD)
    const session = await login(testApp(db()), 'admin', PASSWORD)
    expect(session.me).toMatchObject({ username: 'admin', displayName: '管理员', role: 'admin', unit: { name: '艾家湾采油作业区' } })
  })

  it.each([
    ['at a terminal', null],
    ['with nothing piped in (a script)', ''],
  ])('generates a strong password %s, prints it once, and it works', async (_, stdin) => {
    const res = await cli(db(), ['add', 'Wang', '--role', 'officer', '--unit', '第一中心站'], stdin)
    expect(res.code).toBe(0)
    const password = /Password \(shown once\): (\S+)/.exec(res.out)?.[1]
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/)
    expect(res.out.split(password!)).toHaveLength(2)
    // The username is normalised as in the app; the display name defaults to it.
    const session = await login(testApp(db()), 'wang', password)
    expect(session.me).toMatchObject({ username: 'wang', displayName: 'wang', role: 'officer', unit: { name: '第一中心站' } })
  })

  it('refuses a taken username, case aside', async () => {
    expect((await cli(db(), ADD_ADMIN)).code).toBe(0)
    const again = await cli(db(), ['add', 'ADMIN', '--role', 'leader', '--unit', '艾一站'])
    expect(again).toMatchObject({ code: 1, out: '' })
    expect(again.err).toBe('错误：该用户名已被使用。（admin） / Error: That username is taken. (admin)')
    expect(await userCount(db())).toBe(1)
  })

  it.each([
    ['an unknown unit, listing the units there are', ['add', 'li', '--role', 'handler', '--unit', '工会'], PASSWORD, '错误：单位不存在：工会。现有的单位： / Error: unit not found: 工会. The units are:\n  艾家湾采油作业区\n  艾家湾采油作业区 / 安全环保室'],
    ['an unknown unit id', ['add', 'li', '--role', 'handler', '--unit', '00000000-0000-4000-8000-000000000000'], PASSWORD, 'Error: unit not found'],
    ['a bad role', ['add', 'li', '--role', 'boss', '--unit', '艾一站'], PASSWORD, '错误：角色不正确（admin、officer、handler、leader）。 / Error: Unknown role (admin, officer, handler, leader).'],
    ['a short password', ['add', 'li', '--role', 'handler', '--unit', '艾一站'], 'short', '错误：密码至少 10 位。 / Error: Passwords need at least 10 characters.'],
    ['a bad username', ['add', 'li si', '--role', 'handler', '--unit', '艾一站'], PASSWORD, '错误：用户名只能用小写字母'],
    ['a too long display name', ['add', 'li', '--role', 'handler', '--unit', '艾一站', '--name', '长'.repeat(51)], PASSWORD, '错误：--name：内容太长了。 / Error: --name: The text is too long.'],
  ])('refuses %s with exit code 1 and writes nothing', async (_, argv, stdin, message) => {
    const res = await cli(db(), argv, stdin)
    expect(res).toMatchObject({ code: 1, out: '' })
    expect(res.err).toContain(message)
    expect(await userCount(db())).toBe(0)
  })

  it('refuses a name several units share, listing their paths and ids; the id then works', async () => {
    const parent = await db().db.selectFrom('org_units').select(['id', 'path']).where('name', '=', '第二中心站').executeTakeFirstOrThrow()
    const twin = await db()
      .db.insertInto('org_units')
      .values({ parent_id: parent.id, path: 'pending', kind: 'station', name: '艾一站' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db().db.updateTable('org_units').set({ path: `${parent.path}${twin.id}/` }).where('id', '=', twin.id).execute()
    const original = await unitId(db().db, '第一中心站').then((cs1) =>
      db().db.selectFrom('org_units').select('id').where('name', '=', '艾一站').where('parent_id', '=', cs1).executeTakeFirstOrThrow(),
    )
    const res = await cli(db(), ['add', 'li', '--role', 'handler', '--unit', '艾一站'])
    expect(res.code).toBe(1)
    expect(res.err).toContain('错误：有 2 个单位名为「艾一站」，请用编号指定 / Error: 2 units are named "艾一站"; give the id instead')
    expect(res.err).toContain(`${original.id}  艾家湾采油作业区 / 第一中心站 / 艾一站`)
    expect(res.err).toContain(`${twin.id}  艾家湾采油作业区 / 第二中心站 / 艾一站`)
    expect(await userCount(db())).toBe(0)
    const byId = await cli(db(), ['add', 'li', '--role', 'handler', '--unit', twin.id.toUpperCase()])
    expect(byId.code).toBe(0)
    expect(byId.out).toContain('第二中心站 / 艾一站')
  })

  it('creates accounts as the admin screen does: one refuses the other’s username with username_taken, and the account logs in', async () => {
    const app = testApp(db())
    await createUser(db().db, 'root', 'admin')
    const admin = await login(app, 'root')
    const cs1 = await unitId(db().db, '第一中心站')
    expect((await cli(db(), ['add', 'Wang', '--role', 'officer', '--unit', cs1])).code).toBe(0)
    const viaRoute = await admin.post('/api/admin/users', { username: 'WANG', displayName: '王', role: 'handler', unitId: cs1, password: PASSWORD })
    expect([viaRoute.status, viaRoute.body.error.code]).toEqual([409, 'username_taken'])
    expect((await admin.post('/api/admin/users', { username: 'li', displayName: '李', role: 'handler', unitId: cs1, password: PASSWORD })).status).toBe(201)
    const viaCli = await cli(db(), ['add', 'LI', '--role', 'handler', '--unit', cs1])
    expect(viaCli).toMatchObject({ code: 1, err: `错误：${ERRORS.username_taken.zh}（li） / Error: ${ERRORS.username_taken.en} (li)` })
    const listed = (await admin.get(`/api/admin/users?unitId=${cs1}`)).body as Array<{ username: string; role: string; unit: { name: string } }>
    expect(listed.map((u) => [u.username, u.role, u.unit.name])).toEqual([['li', 'handler', '第一中心站'], ['wang', 'officer', '第一中心站']])
    expect((await login(app, 'wang', PASSWORD)).me).toMatchObject({ username: 'wang', role: 'officer' })
  })

  it('changes a password and ends the account’s sessions', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const before = await login(app, 'wang')
    const res = await cli(db(), ['passwd', 'Wang'], 'the new password\n'.trim())
    expect(res).toMatchObject({ code: 0, err: '' })
    expect((await before.get('/api/auth/me')).status).toBe(401)
    await expect(login(app, 'wang')).rejects.toThrow(/401/)
    expect((await login(app, 'wang', 'the new password')).me.username).toBe('wang')
  })

  it('generates a new password at a terminal; refuses a short one and an unknown user', async () => {
    await createUser(db().db, 'wang', 'officer')
    const short = await cli(db(), ['passwd', 'wang'], 'short')
    expect(short).toMatchObject({ code: 1, out: '' })
    const unknown = await cli(db(), ['passwd', 'nobody'])
    expect(unknown).toMatchObject({ code: 1, err: '错误：用户不存在：nobody / Error: user not found: nobody' })
    const res = await cli(db(), ['passwd', 'wang'], null)
    const password = /Password \(shown once\): (\S+)/.exec(res.out)![1]!
    expect((await login(testApp(db()), 'wang', password)).me.username).toBe('wang')
  })

  it('disables an account: its sessions end and it cannot log in; again is harmless; enable lets it back in', async () => {
    const app = testApp(db())
    await createUser(db().db, 'wang', 'officer')
    const before = await login(app, 'wang')
    expect(await cli(db(), ['disable', 'wang'])).toMatchObject({ code: 0, out: '已停用 wang / Disabled wang' })
    expect((await before.get('/api/auth/me')).status).toBe(401)
    await expect(login(app, 'wang')).rejects.toThrow(/401/)
    expect(await cli(db(), ['disable', 'wang'])).toMatchObject({ code: 0, out: 'wang 已是停用状态 / wang was already disabled' })
    expect((await cli(db(), ['disable', 'nobody'])).code).toBe(1)

    expect(await cli(db(), ['enable', 'wang'])).toMatchObject({ code: 0, out: '已启用 wang / Enabled wang' })
    expect((await login(app, 'wang')).me.username).toBe('wang')
    expect(await cli(db(), ['enable', 'wang'])).toMatchObject({ code: 0, out: 'wang 已是启用状态 / wang was already enabled' })
  })

  it('lists the accounts by username with role, state, name and unit path', async () => {
    expect((await cli(db(), ['list'])).out).toBe('（没有账号 / no accounts）')
    await createUser(db().db, 'zhang', 'handler', '艾一站', '老张')
    await createUser(db().db, 'admin', 'admin', '艾家湾采油作业区', '管理员')
    await cli(db(), ['disable', 'zhang'])
    const res = await cli(db(), ['list'])
    expect(res.code).toBe(0)
    expect(res.out.split('\n')).toEqual([
      'admin  admin    active    管理员  艾家湾采油作业区',
      'zhang  handler  disabled  老张  艾家湾采油作业区 / 第一中心站 / 艾一站',
    ])
  })

  it('answers usage mistakes with the usage, exit code 1, without opening the database', async () => {
    for (const argv of [['frob'], ['add', 'li', '--role', 'handler'], ['add', 'li', '--unit', '艾一站', '--role', 'leader', '--bogus'], ['passwd'], ['list', 'x']]) {
      const res = await cli(db(), argv)
      expect(res, argv.join(' ')).toMatchObject({ code: 1, opened: false })
      expect(res.err).toMatch(/^错误：.+ \/ Error: .+\n[\s\S]*用法 \/ Usage/)
    }
    expect(await cli(db(), ['--help'])).toMatchObject({ code: 0, opened: false })
  })
})

/** The real command in a child process. */
function spawnCli(args: string[], env: Record<string, string>, stdin: string) {
  const { DATABASE_URL: _, ...rest } = process.env
  const child = spawn('npx', ['tsx', 'server/cli/user.ts', ...args], { cwd: process.cwd(), env: { ...rest, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  child.stdin.end(stdin)
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npx tsx server/cli/user.ts', () => {
  it('creates, migrates and seeds an empty embedded database, adds the first admin, and exits 1 on a second try', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'yj-cli-'))
    try {
      const env = { DATA_DIR: dataDir, SEED_DEMO: 'auto' }
      const first = await spawnCli(ADD_ADMIN, env, `${PASSWORD}  \nnot this line\n`)
      expect(first, first.stderr).toMatchObject({ code: 0 })
      expect(first.stdout).toContain('Created account: admin')
      expect(first.stderr).toContain('[db] loaded the demo organisation')
      const second = await spawnCli(ADD_ADMIN, env, PASSWORD)
      expect(second).toMatchObject({ code: 1, stdout: '' })
      expect(second.stderr).toContain('Error: That username is taken.')
      // The folder holds a database the server can open, with the account and its password.
      const database = fromPglite(await PGlite.create(dataDir))
      try {
        const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
        expect(user).toMatchObject({ username: 'admin', display_name: '管理员', role: 'admin', active: true })
        expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(true)
        // The command line as run hashes at the full cost (the tests above pass a cheap hasher).
        expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
      } finally {
        await database.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
