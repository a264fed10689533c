import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FIGURES, OPEN_STATUSES, rate, type FigureName } from '../../shared/rates'

/** The table of `GET /api/admin/items/stats` in docs/api.md, one row per figure. */
function docsRows(): string[] {
  const lines = readFileSync('docs/api.md', 'utf8').split('\n')
  const start = lines.findIndex((l) => l === '| Name | Label | Definition |')
  const end = lines.findIndex((l, i) => i > start + 1 && !l.startsWith('|'))
  return lines.slice(start + 2, end)
}

describe('shared/rates', () => {
  it('is what docs/api.md says, word for word and in the same order', () => {
    const expected = (Object.keys(FIGURES) as FigureName[]).map((name) => {
      const f = FIGURES[name]
      return `| \`${name}\` | ${f.label.zh} (${f.label.en}) | ${f.definition.en} ${f.definition.zh} |`
    })
    expect(docsRows()).toEqual(expected)
  })

  it('counts as open what is neither answered nor merged', () => {
    expect(OPEN_STATUSES).toEqual(['submitted', 'accepted', 'dispatched', 'reported'])
  })

  it('gives null, not 0 or NaN, when there is nothing to count', () => {
    expect(rate(0, 0)).toBeNull()
    expect(rate(0, 4)).toBe(0)
    expect(rate(3, 4)).toBe(0.75)
  })
})
