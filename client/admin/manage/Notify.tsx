import { useState } from 'preact/hooks'
import type { UnitView } from '../../../shared/admin-api'
import { NOTIFY_LIMITS } from '../../../shared/notify-limits'
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, MESSAGE_KIND_LABELS, TRIAGE_MODES, type ChannelKind, type ChannelView, type Delivery, type NotifyOverview, type NotifySettings } from '../../../shared/notify'
import { formatTime } from '../../../shared/time'
import { api } from '../api'
import { fill } from '../format'
import { Field } from '../ui/Field'
import { Message } from '../ui/Message'
import { UnitField } from '../ui/UnitField'
import { useLoad } from '../ui/use-load'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

/**
 * 消息通知: the work-group channels of the admin's subtree with what each sent lately, the
 * union's settings, and the deployment's fallback. Every change reloads the overview.
 */
export function Notify() {
  const { s } = useText()
  const overview = useLoad(() => api.get<NotifyOverview>('/api/admin/notify'), [])
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  const o = overview.data
  return (
    <section class="adm-manage adm-notify">
      <h1>{s('notifyTitle')}</h1>
      <p class="adm-hint">{s('notifyIntro')}</p>
      <Message text={overview.error || units.error} />
      {o && <SettingsForm key={JSON.stringify(o.settings)} settings={o.settings} editable={o.settingsEditable} onSaved={overview.reload} />}
      <h2>{s('channels')}</h2>
      {o?.channels.length === 0 && <p class="adm-empty">{s('noChannels')}</p>}
      {o?.channels.map((c) => <ChannelCard key={c.id} channel={c} onChanged={overview.reload} />)}
      <NewChannelForm units={units.data ?? []} onCreated={overview.reload} />
      {o && (
        <div class="adm-card">
          <h2>{s('fallbackTitle')}</h2>
          <p>{s(o.fallback.configured ? 'fallbackOn' : 'fallbackOff')}</p>
          <Deliveries counts={o.fallback.counts} recent={o.fallback.recent} />
        </div>
      )}
    </section>
  )
}

function SettingsForm({ settings, editable, onSaved }: { settings: NotifySettings; editable: boolean; onSaved: () => void }) {
  const { s } = useText()
  const [v, setV] = useState(settings)
  const save = useSubmit()
  const set = (patch: Partial<NotifySettings>) => setV({ ...v, ...patch })
  const modes = { instant: s('triageInstant'), digest: s('triageDigest'), off: s('triageOff') }
  return (
    <form
      class="adm-card adm-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save.run(async () => {
          await api.put('/api/admin/notify/settings', v)
          onSaved()
          return s('saved')
        })
      }}
    >
      <h2>{s('notifySettings')}</h2>
      {!editable && <p class="adm-hint">{s('settingsTopOnly')}</p>}
      <fieldset class="adm-plain-fieldset" disabled={!editable}>
        <Field id="notify-remind" label={s('remindDays')}>
          <input id="notify-remind" type="number" min={1} max={14} required value={v.remindDays} onInput={(e) => set({ remindDays: Number(e.currentTarget.value) })} />
        </Field>
        <Field id="notify-hour" label={s('digestHour')}>
          <select id="notify-hour" value={v.digestHour} onChange={(e) => set({ digestHour: Number(e.currentTarget.value) })}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {fill(s('hourOption'), { hour: String(h) })}
              </option>
            ))}
          </select>
        </Field>
        <Field id="notify-triage" label={s('triageMode')}>
          <select id="notify-triage" value={v.triageMode} onChange={(e) => set({ triageMode: e.currentTarget.value as NotifySettings['triageMode'] })}>
            {TRIAGE_MODES.map((m) => (
              <option key={m} value={m}>
                {modes[m]}
              </option>
            ))}
          </select>
        </Field>
        <label class="adm-check">
          <input type="checkbox" checked={v.includeContent} onChange={(e) => set({ includeContent: e.currentTarget.checked })} />
          {s('includeContent')}
        </label>
        <p class="adm-hint">{s('includeContentHint')}</p>
        <Message text={save.error} />
        <Message text={save.done} ok />
        <button type="submit" class="adm-primary" disabled={save.busy}>
          {s('save')}
        </button>
      </fieldset>
    </form>
  )
}

function ChannelCard({ channel: c, onChanged }: { channel: ChannelView; onChanged: () => void }) {
  const { s, l } = useText()
  const act = useSubmit()
  const test = () =>
    void act.run(async () => {
      const d = await api.post<Delivery>(`/api/admin/notify/channels/${c.id}/test`)
      onChanged()
      if (d.state === 'sent') return s('testSent')
      act.setError(fill(s('testFailed'), { error: d.lastError ?? '' }))
    })
  const toggle = () =>
    void act.run(async () => {
      await api.patch(`/api/admin/notify/channels/${c.id}`, { active: !c.active })
      onChanged()
    })
  const remove = () => {
    if (!confirm(fill(s('confirmDelete'), { name: c.name }))) return
    void act.run(async () => {
      await api.delete(`/api/admin/notify/channels/${c.id}`)
      onChanged()
    })
  }
  return (
    <article class="adm-card adm-channel" aria-label={c.name}>
      <div class="adm-list-main">
        <strong>{c.name}</strong>
        <span class="adm-badge">{l(CHANNEL_KIND_LABELS[c.kind])}</span>
        {!c.active && <span class="adm-badge adm-badge-off">{s('disabled')}</span>}
      </div>
      <p class="adm-muted">
        {c.unitName} · <span class="adm-url">{c.url}</span>
      </p>
      <div class="adm-actions-row">
        <button type="button" class="adm-primary" disabled={act.busy || !c.active} onClick={test}>
          {s('sendTest')}
        </button>
        <button type="button" disabled={act.busy} onClick={toggle}>
          {s(c.active ? 'disable' : 'enable')}
        </button>
        <button type="button" class="adm-link-button adm-danger-text" disabled={act.busy} onClick={remove}>
          {s('delete')}
        </button>
      </div>
      <Message text={act.error} />
      <Message text={act.done} ok />
      <Deliveries counts={c.counts} recent={c.recent} />
    </article>
  )
}

const STATE_TEXT = { sent: 'stateSent', failed: 'stateFailed', pending: 'statePending', sending: 'stateSending' } as const

function Deliveries({ counts, recent }: Pick<ChannelView, 'counts' | 'recent'>) {
  const { s, l, lang } = useText()
  return (
    <details class="adm-deliveries">
      <summary>
        {s('recentDeliveries')}：{fill(s('deliveryCounts'), { sent: String(counts.sent), failed: String(counts.failed), pending: String(counts.pending) })}
      </summary>
      {recent.length === 0 ? (
        <p class="adm-empty">{s('noDeliveries')}</p>
      ) : (
        <ul class="adm-delivery-list">
          {recent.map((d) => (
            <li key={d.id} class={`adm-delivery adm-delivery-${d.state}`}>
              <span class="adm-muted">{formatTime(d.sentAt ?? d.createdAt, lang)}</span> · {l(MESSAGE_KIND_LABELS[d.kind])} · <strong>{s(STATE_TEXT[d.state])}</strong>
              {d.attempts > 1 && ` (${fill(s('attempts'), { n: String(d.attempts) })})`}
              <div>{d.title}</div>
              {d.lastError && d.state !== 'sent' && <div class="adm-danger-text">{d.lastError}</div>}
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}

function NewChannelForm({ units, onCreated }: { units: UnitView[]; onCreated: () => void }) {
  const { s, l } = useText()
  const empty = { unitId: '', kind: 'wecom' as ChannelKind, name: '', url: '', secret: '' }
  const [v, setV] = useState(empty)
  const create = useSubmit()
  return (
    <form
      class="adm-card adm-form"
      onSubmit={(e) => {
        e.preventDefault()
        void create.run(async () => {
          await api.post('/api/admin/notify/channels', { ...v, secret: v.kind === 'wecom' ? undefined : v.secret || undefined })
          setV(empty)
          onCreated()
          return s('saved')
        })
      }}
    >
      <h2>{s('newChannel')}</h2>
      <UnitField id="channel-unit" label={s('channelUnit')} units={units} value={v.unitId} onChange={(unitId) => setV({ ...v, unitId })} />
      <Field id="channel-kind" label={s('channelKind')}>
        <select id="channel-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.currentTarget.value as ChannelKind })}>
          {CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {l(CHANNEL_KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </Field>
      <Field id="channel-name" label={s('channelName')}>
        <input id="channel-name" required maxLength={NOTIFY_LIMITS.nameMax} value={v.name} onInput={(e) => setV({ ...v, name: e.currentTarget.value })} />
      </Field>
      <Field id="channel-url" label={s('channelUrl')}>
        <input id="channel-url" type="url" required inputMode="url" maxLength={NOTIFY_LIMITS.urlMax} value={v.url} onInput={(e) => setV({ ...v, url: e.currentTarget.value })} />
      </Field>
      {v.kind !== 'wecom' && (
        <Field id="channel-secret" label={s('channelSecret')}>
          <input id="channel-secret" required={v.kind === 'dingtalk'} maxLength={NOTIFY_LIMITS.secretMax} autocomplete="off" value={v.secret} onInput={(e) => setV({ ...v, secret: e.currentTarget.value })} />
        </Field>
      )}
      <Message text={create.error} />
      <Message text={create.done} ok />
      <button type="submit" class="adm-primary" disabled={create.busy}>
        {s('create')}
      </button>
    </form>
  )
}
