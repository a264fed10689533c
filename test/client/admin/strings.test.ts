import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DIR = join(import.meta.dirname, '../../../client/admin')

describe('the reviewers’ text tables (client/admin/strings*.ts)', () => {
  it('name each key once: spread into one table, a second one would silently replace the first', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const file of readdirSync(DIR).filter((f) => /^strings.*\.ts$/.test(f))) {
      for (const [, key] of readFileSync(join(DIR, file), 'utf8').matchAll(/^ {2}(\w+): \{\s*zh:/gm)) {
        if (seen.has(key!)) twice.push(`${key} in ${seen.get(key!)} and ${file}`)
        else seen.set(key!, file)
      }
    }
    expect(seen.size).toBeGreaterThan(100)
    expect(twice).toEqual([])
  })
})
