import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PUBLIC_LIMITS, LOGIN_LIMITS } from '../../server/limits/policy'
import { dependencyTable } from '../../scripts/deps'

const doc = readFileSync('docs/security.md', 'utf8')

describe('docs/security.md', () => {
  it('lists the production dependencies exactly as the lock file pins them', () => {
    expect(doc).toContain(dependencyTable())
  })

  it('gives the limits the code enforces', () => {
    expect(doc).toContain(`| ${DEFAULT_PUBLIC_LIMITS.submit.max} a minute |`)
    expect(doc).toContain(`| ${DEFAULT_PUBLIC_LIMITS.track.max} a minute |`)
    expect(doc).toContain(`| ${DEFAULT_PUBLIC_LIMITS.items.max} an hour |`)
    expect(doc).toContain(`| ${DEFAULT_PUBLIC_LIMITS.photos.max} a minute |`)
    expect(doc).toContain(`| ${LOGIN_LIMITS.pair.max} in 15 minutes | username + address |`)
    expect(doc).toContain(`| ${LOGIN_LIMITS.user.max} in 15 minutes | username |`)
    expect(doc).toContain(`| ${LOGIN_LIMITS.address.max} in 15 minutes | address |`)
    expect(doc).toContain(`| ${LOGIN_LIMITS.password.max} in 15 minutes | account |`)
  })
})
