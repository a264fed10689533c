import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The production dependencies as the lock file pins them (direct ones first, then what they pull
 * in; platform-only optional packages left out), as the Markdown table docs/security.md carries.
 * `npm audit` needs a registry endpoint this machine cannot reach: this list is what to check
 * against advisories by hand. Run `npm run deps` and paste it into docs/security.md.
 */
export function productionDependencies(root = process.cwd()): Array<{ name: string; version: string; direct: boolean }> {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; devOptional?: boolean }>
  }
  const direct = new Set(Object.keys(pkg.dependencies))
  const rows = Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && !p.devOptional && !p.optional && p.version)
    .map(([path, p]) => {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
      return { name, version: p.version!, direct: direct.has(name) && path === `node_modules/${name}` }
    })
  return rows.sort((a, b) => Number(b.direct) - Number(a.direct) || a.name.localeCompare(b.name))
}

export function dependencyTable(root?: string): string {
  const lines = ['| package | version | |', '|---|---|---|']
  for (const d of productionDependencies(root)) lines.push(`| \`${d.name}\` | ${d.version} | ${d.direct ? 'direct' : 'pulled in'} |`)
  return lines.join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) console.log(dependencyTable())
