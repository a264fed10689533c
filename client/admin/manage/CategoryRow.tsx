import { useState } from 'preact/hooks'
import { labelOf, type Category } from '../../../shared/categories'
import { api } from '../api'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { CategoryLabelsForm } from './CategoryLabelsForm'

interface Props {
  category: Category
  /** Admins of the top unit change categories; everyone else reads them. */
  editable: boolean
  first: boolean
  last: boolean
  onMove(step: -1 | 1): void
  onSaved(category: Category): void
}

/** One category: its two labels, 已停用 when retired, and the admin's buttons. */
export function CategoryRow({ category, editable, first, last, onMove, onSaved }: Props) {
  const { lang, s } = useText()
  const [renaming, setRenaming] = useState(false)
  const { busy, error, run } = useSubmit()
  const patch = (body: Record<string, unknown>) => api.patch<Category>(`/api/admin/categories/${category.id}`, body)
  const retire = (retired: boolean) => {
    if (retired && !confirm(fill(s('confirmRetire'), { name: labelOf(category, lang) }))) return
    void run(async () => onSaved(await patch({ retired })))
  }
  const button = (label: string, onClick: () => void, disabled = false, danger = false) => (
    <button type="button" class={danger ? 'adm-link-button adm-danger-text' : 'adm-link-button'} disabled={busy || disabled} onClick={onClick}>
      {label}
    </button>
  )
  return (
    <li class="adm-list-row" data-category={category.id}>
      <div class={category.retired ? 'adm-list-main adm-muted' : 'adm-list-main'}>
        <strong>{category.zh}</strong>
        {category.en && <span lang="en">{category.en}</span>}
        {category.retired && <span class="adm-badge">{s('retired')}</span>}
      </div>
      {editable && !renaming && (
        <div class="adm-list-main">
          {button(s('moveUp'), () => onMove(-1), first)}
          {button(s('moveDown'), () => onMove(1), last)}
          {button(s('rename'), () => setRenaming(true))}
          {category.retired ? button(s('unretire'), () => retire(false)) : button(s('retire'), () => retire(true), false, true)}
        </div>
      )}
      {renaming && (
        <CategoryLabelsForm
          id={`cat-${category.id}`}
          initial={category}
          button={s('save')}
          onCancel={() => setRenaming(false)}
          onSave={async (labels) => {
            onSaved(await patch(labels))
            setRenaming(false)
          }}
        />
      )}
      <Message text={error} />
    </li>
  )
}
