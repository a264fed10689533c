import type { Me } from '../../../shared/admin-api'
import { CATEGORY_LIMITS, type Category } from '../../../shared/categories'
import { api } from '../api'
import { setCategories, useCategories } from '../categories'
import { useLoad } from '../ui/use-load'
import { fill } from '../format'
import { Message } from '../ui/Message'
import { useSubmit } from '../ui/use-submit'
import { useText } from '../use-text'
import { CategoryLabelsForm } from './CategoryLabelsForm'
import { CategoryRow } from './CategoryRow'

/** 意见分类: the categories workers choose from. The top unit's admins add, rename, reorder and retire them. */
export function Categories({ me }: { me: Me }) {
  const { s } = useText()
  const list = useCategories()
  // Asked again on each visit (another admin may have changed them), and its failure said.
  const fresh = useLoad(async () => setCategories(await api.get<Category[]>('/api/admin/categories')), [])
  const move = useSubmit()
  // The server says the same (403): categories belong to the whole organisation.
  const editable = me.role === 'admin' && me.unit.path.length === 1
  const saved = (category: Category) => setCategories(list.map((c) => (c.id === category.id ? category : c)))
  const reorder = (index: number, step: -1 | 1) => {
    const ids = list.map((c) => c.id)
    ;[ids[index], ids[index + step]] = [ids[index + step]!, ids[index]!]
    void move.run(async () => setCategories(await api.put<Category[]>('/api/admin/categories/order', { ids })))
  }
  return (
    <section class="adm-manage">
      <h1>{s('categoriesTitle')}</h1>
      <p class="adm-hint">{s('categoriesHint')}</p>
      {!editable && <p class="adm-hint">{s('categoriesReadOnly')}</p>}
      <Message text={fresh.error || move.error} />
      <ul class="adm-list">
        {list.map((c, i) => (
          <CategoryRow key={c.id} category={c} editable={editable} first={i === 0} last={i === list.length - 1} onMove={(step) => reorder(i, step)} onSaved={saved} />
        ))}
      </ul>
      <p class="adm-hint">{fill(s('categoriesCount'), { n: String(list.length), max: String(CATEGORY_LIMITS.max) })}</p>
      {editable && (
        <CategoryLabelsForm
          id="cat-new"
          title={s('newCategory')}
          button={s('add')}
          onSave={async (labels) => {
            setCategories([...list, await api.post<Category>('/api/admin/categories', labels)])
            return s('saved')
          }}
        />
      )}
    </section>
  )
}
