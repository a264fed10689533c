import { useState } from 'preact/hooks'
import type { EntryPointView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api } from '../api'
import { colon } from '../format'
import { Message } from '../ui/Message'
import { RenameForm } from '../ui/RenameForm'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

/** One QR poster: its place, its link, its printable QR image, and (for admins) rename and (de)activate. */
export function EntryPointRow({ ep, canEdit, onSaved }: { ep: EntryPointView; canEdit: boolean; onSaved: (ep: EntryPointView) => void }) {
  const { s, lang } = useText()
  const [renaming, setRenaming] = useState(false)
  const { busy, error, run } = useSubmit()
  const save = (change: { name?: string; active?: boolean }) =>
    run(async () => {
      onSaved(await api.patch<EntryPointView>(`/api/admin/entry-points/${ep.id}`, change))
      setRenaming(false)
    })
  const link = new URL(ep.link, location.origin).href
  const qr = `/api/admin/entry-points/${ep.id}/qr.svg`
  const inputId = `ep-name-${ep.id}`
  return (
    <li class={ep.active ? 'adm-card adm-qr' : 'adm-card adm-qr adm-muted'}>
      <a href={qr} target="_blank" rel="noopener" class="adm-qr-image">
        <img src={qr} alt={`${s('poster')} ${ep.name}`} width={120} height={120} loading="lazy" />
      </a>
      <div class="adm-qr-info">
        {renaming ? (
          <RenameForm id={inputId} label={s('epName')} initial={ep.name} maxLength={ADMIN_LIMITS.entryPointNameMax} busy={busy} onSave={(name) => void save({ name })} onCancel={() => setRenaming(false)} />
        ) : (
          <h2>{ep.name}</h2>
        )}
        <p>
          <span class="adm-mono">{ep.code}</span> · {ep.unit.name}
          {!ep.active && <span class="adm-badge adm-badge-overdue">{s('inactive')}</span>}
        </p>
        <p class="adm-qr-link">
          {s('epLink')}
          {colon(lang)}
          <a href={link}>{link}</a>
        </p>
        {canEdit && !renaming && (
          <div class="adm-buttons">
            <button type="button" onClick={() => setRenaming(true)}>
              {s('rename')}
            </button>
            <button type="button" disabled={busy} onClick={() => void save({ active: !ep.active })}>
              {ep.active ? s('deactivate') : s('activate')}
            </button>
          </div>
        )}
        <Message text={error} />
      </div>
    </li>
  )
}
