import { describe, expect, it } from 'vitest'
import { DUMMY_HASH, hashPassword, PASSWORD_COST, passwords, verifyPassword } from '../../../server/auth/passwords'
import { TEST_COST } from '../../helpers/admin'

describe('password hashes', () => {
  it('are scrypt at the full cost unless a test asks for less, and the dummy costs the same', async () => {
    expect(PASSWORD_COST).toEqual({ N: 32768, r: 8, p: 1 })
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(DUMMY_HASH.startsWith('scrypt$32768$8$1$')).toBe(true)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterx', hash)).toBe(false)
  })

  it('take their cost from the stored hash, so a cheap test hash checks the same way', async () => {
    const cheap = await hashPassword('correct horse battery', { N: 16, r: 8, p: 1 })
    expect(cheap).toMatch(/^scrypt\$16\$8\$1\$/)
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true)
  })

  it("are the app's at the full cost unless a test gives createApp a cheap one (setup.test.ts: the app's default)", async () => {
    const app = passwords()
    expect(await app.hash('correct horse battery')).toMatch(/^scrypt\$32768\$8\$1\$/)
    const cheap = passwords(TEST_COST)
    const hash = await cheap.hash('correct horse battery')
    expect(hash).toMatch(/^scrypt\$16\$8\$1\$/)
    expect(await cheap.verify('correct horse battery', hash)).toBe(true)
    // An unknown user's check is never a match, and costs what a real one of that hasher does.
    expect(await cheap.verifyNobody('correct horse battery')).toBe(false)
    expect(await app.verifyNobody('')).toBe(false)
  })
})
