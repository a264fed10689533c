import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// client/ and server/ import shared/, never each other; shared/ imports neither.
// The admin views load on demand: nothing outside client/admin may import them statically.
const root = resolve(__dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(root, resolve(file, '..', spec)))
}

const rules: Array<[string, RegExp]> = [
  ['client', /^server\//],
  ['server', /^client\//],
  ['shared', /^(client|server)\//],
]

describe('import boundaries', () => {
  for (const [tree, forbidden] of rules) {
    it(`${tree}/ imports nothing from ${forbidden.source.replace(/[\\^/()]/g, '').replace('|', ' or ')}`, () => {
      const offending = sources(join(root, tree)).flatMap((file) => imports(file).filter((target) => forbidden.test(target)).map((target) => `${relative(root, file)} → ${target}`))
      expect(offending).toEqual([])
    })
  }

  it('loads the admin views only on demand', () => {
    const outside = sources(join(root, 'client')).filter((file) => !relative(root, file).startsWith('client/admin/'))
    const staticAdmin = outside.flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return [...text.matchAll(/(?:^|\n)\s*import\s[^'"]*?from\s*['"]([^'"]*admin\/[^'"]*)['"]/g)].map((m) => `${relative(root, file)} → ${m[1]}`)
    })
    expect(staticAdmin).toEqual([])
  })

  it('finds the imports it checks (the scan is not empty)', () => {
    expect(imports(join(root, 'client/main.tsx'))).toEqual(expect.arrayContaining(['client/admin/mount', 'client/worker/WorkerApp']))
    expect(sources(join(root, 'client')).length).toBeGreaterThan(20)
  })
})
