import { isAnswered } from '../../shared/statuses'
import { WORKER_STATUS_LABELS } from '../../shared/status-labels'
import type { LocalDb, MineRow } from '../local-db/db'

/**
 * The system notification that tells the worker the union acted on their items. No push service
 * (Web Push is unreachable in China): the sync that finds the news shows it, in the page, in
 * Background Sync, or in Periodic Background Sync where the browser offers it to the installed app.
 */
export const NOTICE_TAG = 'yj-answers'

/** Where a tap on the notification opens the app: 我的意见 (pwa/register.ts). */
export const MINE_URL = '/?tab=mine'

// zh-CN unless the worker chose English; the service worker has no localStorage, so the page keeps it here.
const LANG_KEY = 'lang'
const OFFER_KEY = 'noticeOffer'
// "Later" is offered again after a month; a browser's "block" cannot be asked again at all.
const ASK_AGAIN_MS = 30 * 86_400_000

const TEXT = {
  answered: { zh: '工会已答复您的意见', en: 'The union has answered you' },
  progress: { zh: '您的意见有新进展', en: 'There is news on your item' },
  one: { zh: '编号 {number}：{status}。点开查看', en: 'No. {number}: {status}. Tap to read it.' },
  many: { zh: '{n} 条意见有新进展，点开查看', en: '{n} of your items have news. Tap to read them.' },
}

type PeriodicSync = { register(tag: string, options: { minInterval: number }): Promise<void> }

function allowed(): boolean {
  return globalThis.Notification?.permission === 'granted'
}

const statusOf = (row: MineRow) => row.tracked!.mergedInto?.status ?? row.tracked!.status

/**
 * One notification (one tag: the next replaces it) when a sync found news, if the worker allowed
 * them. It sums up every item not yet seen, by number and status: never the item's words, which
 * anyone picking up the phone could read on the lock screen.
 */
export async function announce(registration: Pick<ServiceWorkerRegistration, 'showNotification'>, db: LocalDb, news: string[], lang?: string): Promise<void> {
  if (!news.length || !allowed()) return
  const rows = await db.mine.filter((row) => !!row.unseen && !!row.tracked).toArray()
  if (!rows.length) return
  const en = (lang ?? (await db.meta.get(LANG_KEY))?.value) === 'en'
  const pick = (text: { zh: string; en: string }) => (en ? text.en : text.zh)
  const body =
    rows.length === 1
      ? pick(TEXT.one).replace('{number}', rows[0]!.tracked!.number).replace('{status}', pick(WORKER_STATUS_LABELS[statusOf(rows[0]!)]))
      : pick(TEXT.many).replace('{n}', String(rows.length))
  const title = pick(rows.some((row) => isAnswered(statusOf(row))) ? TEXT.answered : TEXT.progress)
  // renotify: a replaced notification alerts again, or a second answer would arrive silently.
  await registration.showNotification(title, { body, tag: NOTICE_TAG, renotify: true, icon: '/icons/icon-192.png', data: { url: MINE_URL } } as NotificationOptions)
}

let toldLang: string | undefined

/** After a sync in the page: keeps the worker's language for the service worker, and announces the news. */
export async function announceFromPage(db: LocalDb, news: string[], lang: string): Promise<void> {
  if (lang !== toldLang) await db.meta.put({ key: LANG_KEY, value: lang })
  toldLang = lang
  // No service worker (inside WeChat, or blocked): no notification, the mark in 我的意见 says it.
  const ready = navigator.serviceWorker?.ready
  if (ready && news.length && allowed()) await announce(await ready, db, news, lang)
}

/** Asks the browser to wake the service worker now and then to look for answers (an installed app, Chromium). */
export async function watchForAnswers(registration: ServiceWorkerRegistration): Promise<void> {
  const periodic = (registration as ServiceWorkerRegistration & { periodicSync?: PeriodicSync }).periodicSync
  if (!periodic || !allowed()) return
  try {
    await periodic.register(NOTICE_TAG, { minInterval: 12 * 3600_000 })
  } catch {
    // Not installed, or not allowed: the page's own syncs still find the answers.
  }
}

/**
 * Whether to offer notifications after a submission: the phone can show them (a service worker is
 * registered: not inside WeChat) and the worker has not answered lately.
 */
export async function shouldOffer(db: LocalDb, now = Date.now()): Promise<boolean> {
  if (globalThis.Notification?.permission !== 'default' || !(await navigator.serviceWorker?.getRegistration())) return false
  const last = (await db.meta.get(OFFER_KEY))?.value as { at: number } | undefined
  return !last || now - last.at > ASK_AGAIN_MS
}

/** The worker's answer to the offer, kept so that it does not nag; on "yes" the browser asks (in the tap's own turn). */
export async function answerOffer(db: LocalDb, yes: boolean): Promise<NotificationPermission> {
  const permission = yes ? await Notification.requestPermission() : 'default'
  await db.meta.put({ key: OFFER_KEY, value: { answer: yes ? 'yes' : 'later', at: Date.now() } })
  if (permission === 'granted') void navigator.serviceWorker.ready.then(watchForAnswers)
  return permission
}
