import { Hono, type Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { SubmitItemInput } from '../../shared/validation'
import { errorMessage } from '../../shared/errors'
import { formatFollowUpCode, normalizeFollowUpCode } from '../../shared/follow-up-code'
import { parseItemNumber } from '../../shared/item-number'
import { isUuidV7, uuidv7Time } from '../../shared/uuid'
import { submitItems } from '../domain/submit'
import { ApiError } from '../http/api-error'
import { isHttps, requestHost } from '../http/client-info'
import type { AppEnv } from '../http/env'
import { refusedPage, sentMissingPage, sentPage } from '../http/form-pages'
import { itemBudget } from '../http/public-limit'
import type { Limit } from '../limits/counter'

const SENT_COOKIE = 'yj_sent'
const SENT_PATH = '/submitted'

/**
 * The form for a browser that never runs the app's script (it did not arrive, or scripts are
 * off): a plain POST of the prerendered form, stored through the same path as the app's items,
 * then a redirect to a page that shows the follow-up code (post/redirect/get, so a refresh never
 * sends it again). The id and the code were made by the server for the page the form came in,
 * so a resent POST is the same item and is stored once. Nothing the worker wrote is ever put
 * in a URL: the code reaches the result page in a short-lived cookie scoped to it.
 */
/**
 * A form posted from another site is refused. Under our `Referrer-Policy: no-referrer` a browser
 * sends `Origin: null` with a plain form POST, so only a foreign origin or a cross-site
 * Sec-Fetch-Site counts as evidence; the route needs no session, so it can do no more than
 * /api/suggestions, which any device may call.
 */
function refuseCrossSite(c: Context<AppEnv>): void {
  const origin = c.req.header('origin')
  if (origin && origin !== 'null') {
    const { publicOrigin } = c.get('network')
    let host = ''
    try {
      host = new URL(origin).host
    } catch {
      throw new ApiError('csrf_failed')
    }
    if (publicOrigin ? origin !== publicOrigin : host !== requestHost(c)) throw new ApiError('csrf_failed')
  }
  const site = c.req.header('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') throw new ApiError('csrf_failed')
}

export function formPostRoute(style: string, itemLimit: Limit | null) {
  return new Hono<AppEnv>()
    .post('/submit', async (c) => {
      refuseCrossSite(c)
      const type = c.req.header('content-type') ?? ''
      if (!/^application\/x-www-form-urlencoded\b/i.test(type)) throw new ApiError('unsupported_media_type')
      const form = await c.req.parseBody()
      const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
      const entry = text('entryPoint') || null
      const formId = text('formId')
      const code = normalizeFollowUpCode(text('followUpCode'))
      if (!isUuidV7(formId) || !code) throw new ApiError('invalid_request')
      const item: SubmitItemInput = {
        id: formId,
        followUpCode: code,
        entryPoint: entry ?? '',
        category: text('category') as SubmitItemInput['category'],
        content: text('content'),
        anonymous: form.anonymous !== undefined,
        // The page's time (in its id), so that a resent POST is the same item.
        createdAt: new Date(uuidv7Time(formId)).toISOString(),
      }
      if (!item.anonymous) {
        item.submitter = { name: text('name') }
        if (text('employeeNo').trim()) item.submitter.employeeNo = text('employeeNo')
        if (text('phone').trim()) item.submitter.phone = text('phone')
      }
      const lang = c.get('lang')
      const { outcomes, retryAfterS } = await submitItems(c.get('db'), [item], lang, itemBudget(c, itemLimit))
      const outcome = outcomes[0]!
      if (outcome.result === 'rejected') {
        if (retryAfterS) c.header('Retry-After', String(retryAfterS))
        const first = outcome.error.details?.[0]?.code ?? outcome.error.code
        return c.html(refusedPage(lang, style, errorMessage(first, lang), item.content, entry), outcome.status as 400)
      }
      setCookie(c, SENT_COOKIE, `${formatFollowUpCode(code)}|${entry ?? ''}|${outcome.number}`, {
        path: SENT_PATH,
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        maxAge: 3600,
      })
      return c.redirect(SENT_PATH, 303)
    })
    .get(SENT_PATH, (c) => {
      const [code, entry, number] = (getCookie(c, SENT_COOKIE) ?? '').split('|')
      c.header('Cache-Control', 'no-store')
      if (!code || !normalizeFollowUpCode(code)) return c.html(sentMissingPage(c.get('lang'), style), 404)
      return c.html(sentPage(c.get('lang'), style, code, entry || null, number && parseItemNumber(number) ? number : null))
    })
    .all('/submit', (c) => c.redirect('/', 303))
}
