import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  )

// scrypt with N = 2^15 takes ~32 MiB and tens of milliseconds per check: cheap for a login,
// costly for a guesser. The parameters travel with each hash so they can be raised later.
export const PASSWORD_COST = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32

export interface ScryptCost {
  N: number
  r: number
  p: number
}

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

/**
 * `scrypt$N$r$p$salt$hash`, base64url parts. `cost` is for tests only (a cheap hash keeps a
 * test's logins quick, since a check takes its cost from the stored hash): see `passwords()`.
 */
export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 128 * cost.N * cost.r * 2 })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const N = Number(n)
  const options = { N, r: Number(r), p: Number(p), maxmem: 128 * N * Number(r) * 2 }
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, options)
  return timingSafeEqual(key, expected)
}

/** A hash at `cost` nobody's password matches, checked when the user does not exist so timing tells nothing. */
const dummyHash = (cost: ScryptCost) => ['scrypt', cost.N, cost.r, cost.p, 'A'.repeat(22), 'A'.repeat(43)].join('$')
export const DUMMY_HASH = dummyHash(PASSWORD_COST)

/** Hashing and checking of the app's passwords, at one cost for new hashes and for the dummy check. */
export interface Passwords {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
  /** Checks `password` against nothing, as long as a check of a real hash takes. */
  verifyNobody(password: string): Promise<false>
}

/**
 * The app's hasher. The server and the command line always use PASSWORD_COST; `cost` is for
 * tests only (createApp's `passwordCost`), whose accounts then hash and log in quickly.
 */
export function passwords(cost: ScryptCost = PASSWORD_COST): Passwords {
  const dummy = dummyHash(cost)
  return {
    hash: (password) => hashPassword(password, cost),
    verify: verifyPassword,
    verifyNobody: async (password) => (await verifyPassword(password, dummy), false),
  }
}

/** A password for the CLI to print once: 16 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('')
}
