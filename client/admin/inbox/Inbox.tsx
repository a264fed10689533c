import type { EntryPointView, Me, UnitView } from '../../../shared/admin-api'
import { api } from '../api'
import { inboxHref, navigate } from '../route'
import { Message } from '../ui/Message'
import { useLoad } from '../ui/use-load'
import { useText } from '../use-text'
import { filterQuery, parseFilters } from './filters'
import { InboxFilters } from './InboxFilters'
import { ItemRow } from './ItemRow'
import { StatsBar } from './StatsBar'
import { useItemPages } from './use-item-pages'

/** The union's inbox (and a handler's or leader's list of what concerns them): stats, filters, rows. */
export function Inbox({ me, query }: { me: Me; query: string }) {
  const { s, lang } = useText()
  const filters = parseFilters(query)
  const apiQuery = filterQuery(filters)
  const isOfficer = me.role === 'officer'
  const units = useLoad(() => api.get<UnitView[]>('/api/admin/units'), [])
  // Only officers may read the QR entry points; the others filter by unit.
  const entryPoints = useLoad(
    () => (isOfficer ? api.get<EntryPointView[]>('/api/admin/entry-points') : Promise.resolve(null)),
    [isOfficer],
  )
  const pages = useItemPages(apiQuery)
  return (
    <div class="adm-inbox">
      {/* The union's figures are not a handler's to read: their list is their work. */}
      {me.role !== 'handler' && <StatsBar />}
      <InboxFilters
        key={apiQuery}
        filters={filters}
        units={units.data ?? []}
        entryPoints={entryPoints.data}
        onApply={(next) => navigate(inboxHref(filterQuery(next)))}
      />
      {isOfficer && (
        <p class="adm-export">
          <a class="adm-export-main" href={`/api/admin/items/export.xlsx?${apiQuery ? `${apiQuery}&` : ''}lang=${lang}`} download>
            {s('exportLedger')}
          </a>{' '}
          <a href={`/api/admin/items/export.csv?${apiQuery ? `${apiQuery}&` : ''}lang=${lang}`} download>
            {s('exportCsv')}
          </a>
          <span class="adm-hint">{s('exportHint')}</span>
        </p>
      )}
      <Message text={pages.error} />
      <ul class="adm-rows">
        {pages.items.map((item) => (
          <ItemRow key={item.id} item={item} />
        ))}
      </ul>
      {!pages.loading && !pages.error && pages.items.length === 0 && <p class="adm-empty">{s('noItems')}</p>}
      {pages.loading && <p class="adm-loading">{s('loading')}</p>}
      {pages.hasMore && !pages.loading && (
        <button type="button" class="adm-more" onClick={pages.loadMore}>
          {s('loadMore')}
        </button>
      )}
    </div>
  )
}
