// `npm start`: build the app only when what the build reads changed since the last build (a
// second start skips the ~10 s build), then leave the server to `npm run serve`.
import { execSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const INPUTS = ['client', 'shared', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'scripts/compress.ts']
const STAMP = 'dist/.build-sources'

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return
  if (!statSync(path).isDirectory()) return yield path
  for (const name of readdirSync(path).sort()) yield* files(join(path, name))
}

/** A hash of every file the build reads, names and contents. */
export function sourcesHash(root = process.cwd()): string {
  const hash = createHash('sha256')
  for (const input of INPUTS) for (const file of files(join(root, input))) hash.update(`${file}\0`).update(readFileSync(file))
  return hash.digest('hex')
}

const wanted = sourcesHash()
const built = existsSync(STAMP) && existsSync('dist/client/index.html') ? readFileSync(STAMP, 'utf8') : ''
if (built === wanted) {
  console.log('[build] the app is already built from these sources')
} else {
  console.log('[build] building the app (later starts skip this while the sources are unchanged)')
  execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'] })
  writeFileSync(STAMP, wanted)
}
