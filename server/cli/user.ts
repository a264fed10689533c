import type { Kysely } from 'kysely'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { UserView } from '../../shared/admin-api'
import { CreateUserSchema, UpdateUserSchema } from '../../shared/schemas/users'
import { ERRORS } from '../../shared/errors'
import { ROLE_LABELS, ROLES } from '../../shared/roles'
import { validate, type FieldError } from '../../shared/validation'
import { generatePassword, passwords, type Passwords } from '../auth/passwords'
import { loadConfig } from '../config'
import type { Db } from '../db/connect'
import { openDatabase } from '../db/open'
import type { Database } from '../db/schema'
import { createAccount, OPERATOR, updateAccount } from '../domain/account-changes'
import { accountByUsername, listUsers, userInScope } from '../domain/accounts'
import { everyUnitId, unitIdsNamed, unitRefs } from '../domain/units'
import { ApiError } from '../http/api-error'

/**
 * Accounts from the command line, so a fresh install can create its first admin:
 * `npm run user -- add|passwd|disable|enable|list`. Same database and migrations as the server.
 */

export const USAGE = `用法 / Usage: npm run user -- <command>
  add <username> --role <${ROLES.join('|')}> --unit <单位名称或编号 unit name or id> [--name <显示名称 display name>]
  passwd <username>
  disable <username>
  enable <username>
  list
密码从标准输入的第一行读取（管道输入时），没有输入时生成并显示一次。
The password is the first line of standard input when piped, else generated and printed once.`

/** A refusal to show the operator: Chinese first, then English. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly details: string[] = [],
  ) {
    super(en)
  }
  override toString() {
    return [`错误：${this.zh} / Error: ${this.en}`, ...this.details].join('\n')
  }
}

export type Command =
  | { name: 'add'; username: string; role: string; unit: string; displayName?: string }
  | { name: 'passwd' | 'disable' | 'enable'; username: string }
  | { name: 'list' }
  | { name: 'help' }

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') return { name: 'help' }
  if (!['add', 'passwd', 'disable', 'enable', 'list'].includes(name)) throw new CliError(`未知命令 ${name}`, `unknown command ${name}`, [USAGE])
  const options: ParseArgsConfig['options'] = name === 'add' ? { role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' } } : {}
  let parsed
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new CliError('参数不正确', 'bad arguments', [err instanceof Error ? err.message : String(err), USAGE])
  }
  const { values, positionals } = parsed as { values: Record<string, string | undefined>; positionals: string[] }
  const wanted = name === 'list' ? 0 : 1
  if (positionals.length !== wanted) {
    throw new CliError(wanted ? '请给出一个用户名' : '此命令不带参数', wanted ? 'give one username' : 'this command takes no arguments', [USAGE])
  }
  if (name === 'list') return { name }
  const username = positionals[0]!
  if (name !== 'add') return { name: name as 'passwd' | 'disable' | 'enable', username }
  if (!values.role || !values.unit) throw new CliError('add 需要 --role 和 --unit', 'add needs --role and --unit', [USAGE])
  // Checked again by the shared schema; here so a wrong role is told before a password is asked for.
  if (!(ROLES as readonly string[]).includes(values.role)) throw invalid([{ path: 'role', code: 'invalid_role' }])
  return { name, username, role: values.role, unit: values.unit, displayName: values.name }
}

const FIELDS: Record<string, string> = { username: 'username', displayName: '--name', role: '--role', unitId: '--unit', password: 'password' }

function invalid(errors: FieldError[]): CliError {
  const { path, code } = errors[0]!
  const { zh, en } = ERRORS[code]
  // The message's own full stop goes after the list: 角色不正确（admin、…）。
  if (code === 'invalid_role') return new CliError(`${zh.replace(/。$/, '')}（${ROLES.join('、')}）。`, `${en.replace(/\.$/, '')} (${ROLES.join(', ')}).`)
  const field = FIELDS[path] ?? path
  return code === 'invalid_username' || code === 'password_too_short' ? new CliError(zh, en) : new CliError(`${field}：${zh}`, `${field}: ${en}`)
}

/** The unit's id, by id or by exact name; several units of that name are refused with their paths. */
export async function findUnit(db: Kysely<Database>, nameOrId: string): Promise<string> {
  const key = nameOrId.trim()
  const units = await unitIdsNamed(db, key)
  if (!units.length) {
    // Say which units there are: the operator typed what they call it, not what the tree calls it.
    const all = await unitRefs(db, await everyUnitId(db))
    const lines = [...all.values()].map((r) => `  ${r.path.join(' / ')}`).sort()
    const shown = lines.length > 60 ? [...lines.slice(0, 60), `  …（另有 ${lines.length - 60} 个 / ${lines.length - 60} more）`] : lines
    throw new CliError(`单位不存在：${key}。现有的单位：`, `unit not found: ${key}. The units are:`, shown)
  }
  if (units.length > 1) {
    const refs = await unitRefs(db, units)
    const lines = [...refs.values()].map((r) => `  ${r.id}  ${r.path.join(' / ')}`).sort()
    throw new CliError(`有 ${units.length} 个单位名为「${key}」，请用编号指定`, `${units.length} units are named "${key}"; give the id instead`, lines)
  }
  return units[0]!
}

/** A new account, through the same domain function as the admin screen's. */
export async function addUser(db: Kysely<Database>, hasher: Passwords, cmd: Extract<Command, { name: 'add' }>, password: string): Promise<UserView> {
  const unitId = await findUnit(db, cmd.unit)
  const body = validate(CreateUserSchema, { username: cmd.username, displayName: cmd.displayName ?? cmd.username.trim().toLowerCase(), role: cmd.role, unitId, password })
  if (!body.ok) throw invalid(body.errors)
  try {
    return (await userInScope(db, '/', await createAccount(db, hasher, OPERATOR, body.value)))!
  } catch (err) {
    const { username } = body.value
    if (err instanceof ApiError && err.code === 'username_taken') {
      throw new CliError(`${ERRORS.username_taken.zh}（${username}）`, `${ERRORS.username_taken.en} (${username})`)
    }
    throw err
  }
}

async function findUser(db: Kysely<Database>, username: string) {
  const user = await accountByUsername(db, username)
  if (!user) throw new CliError(`用户不存在：${username.trim().toLowerCase()}`, `user not found: ${username.trim().toLowerCase()}`)
  return user
}

/** A new password; the account's sessions end, as when an admin resets it in the app. */
export async function setPassword(db: Kysely<Database>, hasher: Passwords, username: string, password: string): Promise<void> {
  const body = validate(UpdateUserSchema, { password })
  if (!body.ok) throw invalid(body.errors)
  await updateAccount(db, hasher, OPERATOR, (await findUser(db, username)).id, body.value)
}

/** Disables the account and ends its sessions; false when it was already disabled. */
export async function disableUser(db: Kysely<Database>, hasher: Passwords, username: string): Promise<boolean> {
  const user = await findUser(db, username)
  await updateAccount(db, hasher, OPERATOR, user.id, { active: false })
  return user.active
}

/** Enables a disabled account (the way back when the only admin was disabled); false when it was active. */
export async function enableUser(db: Kysely<Database>, hasher: Passwords, username: string): Promise<boolean> {
  const user = await findUser(db, username)
  await updateAccount(db, hasher, OPERATOR, user.id, { active: true })
  return !user.active
}

export function formatUsers(users: UserView[]): string {
  if (!users.length) return '（没有账号 / no accounts）'
  const width = Math.max(...users.map((u) => u.username.length))
  return users
    .map((u) => [u.username.padEnd(width), u.role.padEnd(7), u.active ? 'active  ' : 'disabled', u.displayName, u.unit.path.join(' / ')].join('  '))
    .join('\n')
}

export interface Io {
  out(text: string): void
  err(text: string): void
  /** The password from standard input, or null when it should be generated (a terminal). */
  readPassword(): Promise<string | null>
}

/** Runs one command on an open database. */
async function execute(db: Kysely<Database>, hasher: Passwords, cmd: Exclude<Command, { name: 'help' }>, io: Io): Promise<void> {
  if (cmd.name === 'list') return io.out(formatUsers(await listUsers(db, { unitPath: '/' })))
  if (cmd.name === 'disable') {
    const changed = await disableUser(db, hasher, cmd.username)
    return io.out(changed ? `已停用 ${cmd.username} / Disabled ${cmd.username}` : `${cmd.username} 已是停用状态 / ${cmd.username} was already disabled`)
  }
  if (cmd.name === 'enable') {
    const changed = await enableUser(db, hasher, cmd.username)
    return io.out(changed ? `已启用 ${cmd.username} / Enabled ${cmd.username}` : `${cmd.username} 已是启用状态 / ${cmd.username} was already enabled`)
  }
  // Nothing piped in (a terminal, or a script with no input): a generated password, shown once.
  const piped = (await io.readPassword()) || null
  const password = piped ?? generatePassword()
  if (cmd.name === 'add') {
    const user = await addUser(db, hasher, cmd, password)
    io.out(`已创建账号 / Created account: ${user.username} (${ROLE_LABELS[user.role].zh} ${user.role}, ${user.unit.path.join(' / ')})`)
  } else {
    await setPassword(db, hasher, cmd.username, password)
    io.out(`已更改 ${cmd.username} 的密码，其登录会话已结束 / Changed the password of ${cmd.username}; its sessions have ended`)
  }
  if (piped === null) io.out(`密码（只显示这一次）/ Password (shown once): ${password}`)
}

/**
 * Parses `argv`, opens the database only when a command needs it, runs, closes; the exit code.
 * `hasher` is the app's (PASSWORD_COST); tests pass a cheap one.
 */
export async function run(argv: string[], io: Io, open: () => Promise<Db>, hasher: Passwords = passwords()): Promise<number> {
  let database: Db | undefined
  try {
    const cmd = parseCommand(argv)
    if (cmd.name === 'help') {
      io.out(USAGE)
      return 0
    }
    database = await open()
    await execute(database.db, hasher, cmd, io)
    return 0
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    io.err(err instanceof CliError ? err.toString() : `错误 / Error: ${message}`)
    return 1
  } finally {
    await database?.close().catch((err: unknown) => io.err(`[db] close failed: ${String(err)}`))
  }
}

/** The server's database, as the server opens it; an embedded folder the server holds is refused. */
function openConfigured(): Promise<Db> {
  return openDatabase(loadConfig(), { holder: 'user command', poolSize: 1, log: (line) => console.error(line) })
}

/** The first line of standard input, trimmed; null when it is a terminal. */
async function readStdinPassword(): Promise<string | null> {
  if (process.stdin.isTTY) return null
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!.trim()
}

function isMain(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  const io: Io = { out: (t) => console.log(t), err: (t) => console.error(t), readPassword: readStdinPassword }
  process.exitCode = await run(process.argv.slice(2), io, openConfigured)
}
