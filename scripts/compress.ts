// After `vite build`: a Brotli and a gzip twin of every text file, served by the app when the
// browser accepts them (no compression work per request, best ratio once).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = process.argv[2] ?? 'dist/client'
const TEXT = /\.(html|js|mjs|css|svg|webmanifest|json|txt)$/

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (TEXT.test(name)) yield path
  }
}

let count = 0
for (const path of files(root)) {
  const body = readFileSync(path)
  if (body.length < 512) continue
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }))
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }))
  count++
}
console.log(`compressed ${count} files in ${root} (.br and .gz)`)
