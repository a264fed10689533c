import { useState } from 'preact/hooks'
import { ADMIN_LIMITS } from '../../../../shared/limits'
import { DEFAULT_CATEGORIES, labelOf, type CategoryId } from '../../../../shared/categories'
import { useCategories } from '../../categories'
import { Field } from '../../ui/Field'
import { useText } from '../../use-text'
import { ActionForm } from '../ActionForm'
import { splitTags, type FormProps } from './types'

/** 受理 (accept with a classification) or 保存分类 (change it later): category, summary, tags, proposal. */
export function ClassifyForm({ item, act, action }: FormProps<'accept' | 'classify'>) {
  const { s, lang } = useText()
  const known = useCategories()
  // Those offered, and the item's own even when retired: saving other fields must not move it.
  const options = (known.length ? known : DEFAULT_CATEGORIES).filter((c) => !c.retired || c.id === item.category)
  const [category, setCategory] = useState<CategoryId>(item.category)
  const [summary, setSummary] = useState(item.summary ?? '')
  const [tags, setTags] = useState(item.tags.join(lang === 'en' ? ', ' : '，'))
  const [proposal, setProposal] = useState(item.isProposal)
  const id = (name: string) => `${action}-${name}`
  return (
    <ActionForm
      action={action}
      title={s(action === 'accept' ? 'acceptTitle' : 'classifyTitle')}
      onSubmit={() => act(action, { category, summary, tags: splitTags(tags), proposal })}
    >
      <Field id={id('category')} label={s('category')}>
        <select id={id('category')} value={category} onChange={(e) => setCategory(e.currentTarget.value as CategoryId)}>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {labelOf(c, lang) + (c.retired ? s('retiredMark') : '')}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('summary')} label={s('summary')}>
        <input id={id('summary')} maxLength={ADMIN_LIMITS.summaryMax} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </Field>
      <Field id={id('tags')} label={s('tags')} hint={s('tagsHint')}>
        <input id={id('tags')} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </Field>
      <label class="adm-check">
        <input type="checkbox" checked={proposal} onChange={(e) => setProposal(e.currentTarget.checked)} />
        {s('markProposal')}
      </label>
    </ActionForm>
  )
}
