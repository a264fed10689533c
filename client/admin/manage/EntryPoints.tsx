import type { EntryPointView, UnitView } from '../../../shared/admin-api'
import { api } from '../api'
import { OriginNotice } from '../posters/OriginNotice'
import { PosterTextForm } from '../posters/PosterTextForm'
import { PrintAllForm } from '../posters/PrintAllForm'
import { usePrintOrigin } from '../posters/use-print-origin'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { EntryPointCreateForm } from './EntryPointCreateForm'
import { EntryPointRow } from './EntryPointRow'

/**
 * The QR posters of the subtree. Admins create, rename and deactivate; officers print and word
 * them (`wordsOf`: the officer's unit path, for the default footer).
 */
export function EntryPoints({ canEdit, wordsOf }: { canEdit: boolean; wordsOf: string[] | null }) {
  const { s } = useText()
  const eps = useLoad(() => api.get<EntryPointView[]>('/api/admin/entry-points'), [])
  const units = useLoad(() => (canEdit ? api.get<UnitView[]>('/api/admin/units') : Promise.resolve([])), [canEdit])
  // Without an address phones can open, no code is drawn and the screen says what to configure.
  const { origin, failure } = usePrintOrigin()
  const replace = (ep: EntryPointView) => eps.setData((eps.data ?? []).map((x) => (x.id === ep.id ? ep : x)))
  return (
    <section class="adm-manage">
      <h1>{s('entryPointsTitle')}</h1>
      <OriginNotice failure={failure} />
      <Message text={eps.error || units.error} />
      {origin && eps.data && eps.data.some((ep) => ep.active) && <PrintAllForm eps={eps.data} />}
      <ul class="adm-qr-list">
        {(eps.data ?? []).map((ep) => (
          <EntryPointRow key={ep.id} ep={ep} origin={origin} canEdit={canEdit} onSaved={replace} />
        ))}
      </ul>
      {wordsOf && <PosterTextForm unitPath={wordsOf} />}
      {canEdit && <EntryPointCreateForm units={units.data ?? []} onCreated={(ep) => eps.setData([...(eps.data ?? []), ep])} />}
    </section>
  )
}
