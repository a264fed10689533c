import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Context } from 'hono'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { ENTRY_POINT_CODE } from '../../shared/limits'
import { deviceId } from '../../shared/uuid'
import type { AppEnv } from './env'
import { shellCategories, withCategories } from './shell-categories'

/** Where the build leaves room for the no-script form's keys (see client/index.html). */
const KEYS = '<!--form-keys-->'

/**
 * The app shell, with what a browser that never runs the app's script needs to submit the
 * prerendered form by a plain POST: an id and a follow-up code made here for this page (a resent
 * POST carries them again, so it is stored once), and the QR point from `?s=`. The inputs sit
 * outside the app's root and join the form by its id, so the app's own rendering never sees them.
 */
export function shellResponder(root: string) {
  const template = readFileSync(join(root, 'index.html'), 'utf8')
  return async (c: Context<AppEnv>) => {
    const categories = await shellCategories(c.get('db'))
    const entry = c.req.query('s')?.trim()
    const keys = [
      hidden('formId', deviceId()),
      hidden('followUpCode', newFollowUpCode()),
      entry && ENTRY_POINT_CODE.test(entry) ? hidden('entryPoint', entry) : '',
    ].join('')
    const page = template.replace(KEYS, keys)
    const html = Buffer.from(categories ? withCategories(page, categories) : page, 'utf8')
    // Made per request, so it cannot be cached: a follow-up code is in it.
    c.header('Cache-Control', 'no-store')
    c.header('Content-Type', 'text/html; charset=utf-8')
    c.header('Vary', 'Accept-Encoding')
    const accepts = c.req.header('accept-encoding') ?? ''
    if (/\bbr\b/.test(accepts)) {
      c.header('Content-Encoding', 'br')
      return c.body(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }))
    }
    if (/\bgzip\b/.test(accepts)) {
      c.header('Content-Encoding', 'gzip')
      return c.body(gzipSync(html))
    }
    return c.body(html)
  }
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" form="submit-form" name="${name}" value="${value}">`
}

/** The shell's inline CSS block, for the pages the no-script form answers with (its hash is allowed). */
export function shellStyle(root: string): string {
  return /<style>[\s\S]*?<\/style>/.exec(readFileSync(join(root, 'index.html'), 'utf8'))?.[0] ?? ''
}
