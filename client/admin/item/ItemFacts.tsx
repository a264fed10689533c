import type { ComponentChildren } from 'preact'
import type { ItemDetail } from '../../../shared/admin-api'
import { categoryLabel } from '../../../shared/categories'
import type { PhotoView } from '../../../shared/photos'
import { RATING_LABELS } from '../../../shared/ratings'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { formatTime } from '../../../shared/time'
import { withNote } from '../format'
import { useCategories } from '../categories'
import { itemHref } from '../route'
import { StatusBadge } from '../ui/StatusBadge'
import { useText } from '../use-text'
import { PhotoStrip } from './PhotoStrip'
import { workerPhotos } from './photos'

/** The item itself, with the worker's photos. Content, summary and tags are rendered as text nodes only. */
export function ItemFacts({ item, photos }: { item: ItemDetail; photos: readonly PhotoView[] }) {
  const { lang, s, l } = useText()
  const categories = useCategories()
  const row = (label: string, value: ComponentChildren) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
  const submitter = item.submitter
  return (
    <section class="adm-card adm-facts">
      <div class="adm-row-top">
        <span class="adm-number">{item.number}</span>
        <StatusBadge status={item.status} />
        {item.isProposal && <span class="adm-badge adm-badge-proposal">{s('proposal')}</span>}
        {item.overdue && <span class="adm-badge adm-badge-overdue">{s('overdue')}</span>}
      </div>
      <h1>{item.summary || s('content')}</h1>
      <p class="adm-content">{item.content}</p>
      <PhotoStrip photos={workerPhotos(photos)} label={s('photoWorker')} />
      <dl class="adm-dl">
        {row(s('category'), categoryLabel(item.category, lang, categories))}
        {row(s('tags'), item.tags.length ? item.tags.join(lang === 'en' ? ', ' : '、') : s('none'))}
        {row(s('entryPoint'), withNote(item.entryPoint.name, item.unit.name, lang))}
        {row(s('receivedAt'), formatTime(item.receivedAt, lang))}
        {row(
          s('submitter'),
          submitter === null
            ? s('anonymousItem')
            : submitter === 'hidden'
              ? s('submitterHidden')
              : [submitter.name, submitter.employeeNo && `${s('employeeNo')} ${submitter.employeeNo}`, submitter.phone && `${s('phone')} ${submitter.phone}`]
                  .filter(Boolean)
                  .join(' · '),
        )}
        {item.rating && row(s('rating'), l(RATING_LABELS[item.rating]))}
        {item.mergedInto &&
          row(
            s('mergedInto'),
            <a href={itemHref(item.mergedInto.id)}>
              {withNote([item.mergedInto.number, item.mergedInto.summary].filter(Boolean).join(' '), l(STATUS_LABELS[item.mergedInto.status]), lang)}
            </a>,
          )}
        {item.duplicates.length > 0 &&
          row(
            s('duplicates'),
            item.duplicates.map((d) => (
              <a key={d.id} class="adm-dup" href={itemHref(d.id)}>
                {withNote(d.number, l(STATUS_LABELS[d.status]), lang)}
              </a>
            )),
          )}
        {row(s('itemId'), <code class="adm-id">{item.id}</code>)}
      </dl>
    </section>
  )
}
