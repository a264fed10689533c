import { useState } from 'preact/hooks'
import type { EntryPointView } from '../../../shared/admin-api'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { api } from '../api'
import { colon } from '../format'
import { postersHref } from '../route'
import { Message } from '../ui/Message'
import { RenameForm } from '../ui/RenameForm'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'

interface Props {
  ep: EntryPointView
  /** Where printed codes point; null when the server refuses to draw them. */
  origin: string | null
  canEdit: boolean
  onSaved: (ep: EntryPointView) => void
}

/** One QR poster: its place, its link, its printable QR image, and (for admins) rename and (de)activate. */
export function EntryPointRow({ ep, origin, canEdit, onSaved }: Props) {
  const { s, lang } = useText()
  const [renaming, setRenaming] = useState(false)
  const { busy, error, run } = useSubmit()
  const save = (change: { name?: string; active?: boolean }) =>
    run(async () => {
      onSaved(await api.patch<EntryPointView>(`/api/admin/entry-points/${ep.id}`, change))
      setRenaming(false)
    })
  // The address the printed code carries; none while the server knows no address phones can open.
  const link = origin ? new URL(ep.link, origin).href : null
  const qr = `/api/admin/entry-points/${ep.id}/qr.svg`
  const inputId = `ep-name-${ep.id}`
  return (
    <li class={ep.active ? 'adm-card adm-qr' : 'adm-card adm-qr adm-muted'}>
      {link ? (
        <a href={qr} target="_blank" rel="noopener" class="adm-qr-image">
          <img src={qr} alt={`${s('poster')} ${ep.name}`} width={120} height={120} loading="lazy" />
        </a>
      ) : (
        <span class="adm-qr-none">{s('noQrYet')}</span>
      )}
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
        {link && (
          <p class="adm-qr-link">
            {s('epLink')}
            {colon(lang)}
            <a href={link}>{link}</a>
          </p>
        )}
        {!renaming && (
          <div class="adm-buttons">
            {link && ep.active && (
              <a class="adm-button" href={postersHref({ id: ep.id })}>
                {s('printPoster')}
              </a>
            )}
            {canEdit && (
              <>
                <button type="button" onClick={() => setRenaming(true)}>
                  {s('rename')}
                </button>
                <button type="button" disabled={busy} onClick={() => void save({ active: !ep.active })}>
                  {ep.active ? s('deactivate') : s('activate')}
                </button>
              </>
            )}
          </div>
        )}
        <Message text={error} />
      </div>
    </li>
  )
}
