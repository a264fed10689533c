import { useEffect, useRef, useState } from 'preact/hooks'
import type { SubmitItemInput } from '../../shared/validation'
import type { MineRow } from '../local-db/db'
import { getLang } from '../i18n/lang'
import type { UpdateControl } from '../pwa/register'
import { Banners, inWeChat } from './Banners'
import { startDevice, useDevice } from './device-store'
import { EMPTY_DRAFT, putDraft, type DraftFields } from './draft'
import { useEntryPoint } from './entry-point'
import { lazy, useLazy } from './lazy'
import { SubmitForm } from './SubmitForm'
import type { SubmitResult } from './submit'
import { switchLang, useText } from './use-text'

// 我的意见, 查询 and the screen after 提交: fetched after first paint, not with the form.
const screens = lazy(() => import('./screens'))

type Tab = 'form' | 'mine' | 'lookup'

export function WorkerApp({ initialDraft }: { initialDraft?: DraftFields } = {}) {
  const { s } = useText()
  const [tab, setTab] = useState<Tab>('form')
  const [done, setDone] = useState<Extract<SubmitResult, { kind: 'queued' | 'delivered' }> | null>(null)
  const [formKey, setFormKey] = useState(0)
  const [update, setUpdate] = useState<UpdateControl | null>(null)
  const dirty = useRef(false)
  const place = useEntryPoint()
  const { device } = useDevice()
  // Asked for after first paint, and again on a tab or screen change should that fetch have failed (offline).
  const more = useLazy(screens, `${tab}${!!done}`)

  useEffect(() => {
    // After first paint: the device database, then the service worker (skipped inside WeChat,
    // whose storage is separate and short-lived; the outbox still works while the page is open).
    void startDevice()
    if (!inWeChat()) void import('../pwa/register').then(({ registerServiceWorker }) => registerServiceWorker(() => dirty.current, setUpdate, () => setTab('mine')))
  }, [])

  const edit = async (row: MineRow, item?: SubmitItemInput) => {
    const draft = { ...EMPTY_DRAFT, category: row.category, content: row.content, anonymous: row.anonymous, name: item?.submitter?.name ?? '', employeeNo: item?.submitter?.employeeNo ?? '', phone: item?.submitter?.phone ?? '' }
    // The copy on screen after the remount is what counts; a failed durable save is retried as they type.
    await putDraft(device.phase === 'ready' ? device.device : null, draft).catch(() => undefined)
    setDone(null)
    setFormKey((k) => k + 1)
    setTab('form')
  }

  const tabButton = (id: Tab, label: string) => {
    // 我的意见 counts the items with news (once the screens' code is here): its name stays 我的意见, the count describes it.
    const news = id === 'mine' && more
    return (
      <button type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls="panel" aria-describedby={news ? 'mine-news' : undefined} class={tab === id ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
        {label}
        {news && <news.MineCount device={device} />}
      </button>
    )
  }

  return (
    <div class="app">
      <header class="top">
        <h1>{s('appName')}</h1>
        <button type="button" class="lang" lang={getLang() === 'en' ? 'zh-CN' : 'en'} onClick={() => void switchLang(getLang() === 'en' ? 'zh-CN' : 'en').catch(() => undefined)}>
          {s('switchLang')}
        </button>
      </header>
      {update && more && <more.UpdateBanner update={update} onLater={() => setUpdate(null)} />}
      <Banners device={device} />
      <main>
        <nav class="tabs" role="tablist">
          {tabButton('form', s('tabForm'))}
          {tabButton('mine', s('tabMine'))}
          {tabButton('lookup', s('tabLookup'))}
        </nav>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'form' && !done && (
            <SubmitForm key={formKey} place={place} device={device} onDone={setDone} onDirty={(d) => (dirty.current = d)} initial={formKey === 0 ? initialDraft : undefined} />
          )}
          {tab === 'form' &&
            done &&
            (more ? (
              <more.SubmitDone
                result={done}
                device={device}
                onAnother={() => setDone(null)}
                onMine={() => setTab('mine')}
                replyWithinDays={place.state.kind === 'known' ? place.state.info.replyWithinDays : null}
              />
            ) : (
              <Waiting />
            ))}
          {tab === 'mine' && (more ? <more.MineList device={device} onEdit={(row, item) => void edit(row, item)} /> : <Waiting />)}
          {tab === 'lookup' && (more ? <more.Lookup device={device} /> : <Waiting />)}
        </div>
      </main>
    </div>
  )
}

/** Until the screen's code is here (a moment after first paint; offline, once the service worker has kept it). */
function Waiting() {
  return <p class="card hint">…</p>
}
