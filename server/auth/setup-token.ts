import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The one-time secret of the first-admin link the server prints when it starts on a database
 * with no admin. It lives in this process's memory only and is spent by its first use.
 */
export class SetupToken {
  #token: string | null

  constructor(token: string | null = randomBytes(24).toString('base64url')) {
    this.#token = token
  }

  get value(): string | null {
    return this.#token
  }

  /** Whether `candidate` is the live token (in constant time). */
  matches(candidate: string): boolean {
    if (!this.#token) return false
    const a = Buffer.from(candidate)
    const b = Buffer.from(this.#token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  spend(): void {
    this.#token = null
  }
}
