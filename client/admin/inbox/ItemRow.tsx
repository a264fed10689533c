import type { ItemSummary } from '../../../shared/admin-api'
import { categoryLabel } from '../../../shared/categories'
import { RATING_LABELS } from '../../../shared/ratings'
import { formatDate, formatTime } from '../../../shared/time'
import { useCategories } from '../categories'
import { itemHref } from '../route'
import { StatusBadge } from '../ui/StatusBadge'
import { useText } from '../use-text'

/** One inbox row. The worker's words are text nodes, never markup. */
export function ItemRow({ item }: { item: ItemSummary }) {
  const { lang, s, l } = useText()
  const categories = useCategories()
  return (
    <li class={item.overdue ? 'adm-row adm-row-overdue' : 'adm-row'}>
      <div class="adm-row-top">
        <span class="adm-number">{item.number}</span>
        <StatusBadge status={item.status} />
        <span class="adm-cat">{categoryLabel(item.category, lang, categories)}</span>
        {item.isProposal && <span class="adm-badge adm-badge-proposal">{s('proposal')}</span>}
        {item.overdue && <span class="adm-badge adm-badge-overdue">{s('overdue')}</span>}
        <time class="adm-row-time" dateTime={item.receivedAt}>
          {formatTime(item.receivedAt, lang)}
        </time>
      </div>
      <a class="adm-row-title" href={itemHref(item.id)}>
        {item.summary || item.excerpt}
      </a>
      {item.summary && <p class="adm-row-excerpt">{item.excerpt}</p>}
      <p class="adm-row-meta">
        <span>{item.entryPoint.name}</span>
        {item.anonymous && <span>{s('anonymousItem')}</span>}
        {item.nextDeadline && (
          <span>
            {s('due')} {formatDate(item.nextDeadline, lang)}
          </span>
        )}
        {item.rating && <span>{l(RATING_LABELS[item.rating])}</span>}
        {item.tags.map((tag) => (
          <span key={tag} class="adm-tag">
            {tag}
          </span>
        ))}
      </p>
    </li>
  )
}
