import { useState } from 'preact/hooks'
import type { EntryPointView, UnitView } from '../../../shared/admin-api'
import { DEFAULT_CATEGORIES, labelOf } from '../../../shared/categories'
import { STATUSES } from '../../../shared/lifecycle'
import { ADMIN_LIMITS } from '../../../shared/limits'
import { RATING_LABELS, RATINGS } from '../../../shared/ratings'
import { STATUS_LABELS } from '../../../shared/status-labels'
import { useCategories } from '../categories'
import { Field } from '../ui/Field'
import { UnitOptions } from '../ui/UnitOptions'
import { useText } from '../use-text'
import type { FilterKey, Filters } from './filters'

interface Props {
  filters: Filters
  units: UnitView[]
  entryPoints: EntryPointView[] | null
  onApply: (filters: Filters) => void
}

export function InboxFilters({ filters, units, entryPoints, onApply }: Props) {
  const { lang, s, l } = useText()
  // Retired categories stay: old items still carry them.
  const categories = useCategories()
  const [draft, setDraft] = useState<Filters>(filters)
  const set = (key: FilterKey) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: e.currentTarget.value })
  const flag = (key: FilterKey) => (e: { currentTarget: { checked: boolean } }) =>
    setDraft({ ...draft, [key]: e.currentTarget.checked ? '1' : '' })
  const select = (key: FilterKey, label: string, options: Array<[string, string]>) => (
    <Field id={`f-${key}`} label={label}>
      <select id={`f-${key}`} value={draft[key] ?? ''} onChange={set(key)}>
        <option value="">{s('all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  )
  return (
    <form
      class="adm-filters"
      aria-label={s('filters')}
      onSubmit={(e) => {
        e.preventDefault()
        onApply(draft)
      }}
    >
      <div class="adm-search">
        <Field id="f-q" label={s('search')}>
          <input id="f-q" type="search" maxLength={ADMIN_LIMITS.searchMax} value={draft.q ?? ''} onInput={set('q')} />
        </Field>
      </div>
      <div class="adm-filter-grid">
        {select('status', s('status'), STATUSES.map((st) => [st, l(STATUS_LABELS[st])]))}
        {select('category', s('category'), (categories.length ? categories : DEFAULT_CATEGORIES).map((c) => [c.id, labelOf(c, lang) + (c.retired ? s('retiredMark') : '')]))}
        <Field id="f-unitId" label={s('unit')}>
          <select id="f-unitId" value={draft.unitId ?? ''} onChange={set('unitId')}>
            <option value="">{s('all')}</option>
            <UnitOptions units={units} />
          </select>
        </Field>
        {entryPoints && select('entryPoint', s('entryPoint'), entryPoints.map((ep) => [ep.code, ep.name]))}
        {select('rating', s('rating'), RATINGS.map((r) => [r, l(RATING_LABELS[r])]))}
        <Field id="f-from" label={s('fromDate')}>
          <input id="f-from" type="date" value={draft.from ?? ''} onInput={set('from')} />
        </Field>
        <Field id="f-to" label={s('toDate')}>
          <input id="f-to" type="date" value={draft.to ?? ''} onInput={set('to')} />
        </Field>
      </div>
      <div class="adm-filter-actions">
        <label class="adm-check">
          <input type="checkbox" checked={draft.overdue === '1'} onChange={flag('overdue')} />
          {s('onlyOverdue')}
        </label>
        <label class="adm-check">
          <input type="checkbox" checked={draft.proposal === '1'} onChange={flag('proposal')} />
          {s('onlyProposals')}
        </label>
        <button type="submit" class="adm-primary">
          {s('applyFilters')}
        </button>
        <button type="button" onClick={() => onApply({})}>
          {s('clearFilters')}
        </button>
      </div>
    </form>
  )
}
