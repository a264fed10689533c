/**
 * Chinese has no spaces to split words on, so substring search indexes characters: every
 * distinct character and every pair of neighbouring characters. A query's own grams must all
 * be present (a GIN `@>` on the array), then the exact substring is checked on the few rows left.
 */
export function contentGrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase())
  const grams = new Set<string>()
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!
    if (/\s/.test(a)) continue
    grams.add(a)
    const b = chars[i + 1]
    if (b !== undefined && !/\s/.test(b)) grams.add(a + b)
  }
  return [...grams]
}

/** The grams a query needs: its pairs, or the character itself for a one-character query. */
export function queryGrams(query: string): string[] {
  const chars = Array.from(query.toLowerCase().trim())
  if (chars.length === 1) return chars
  return contentGrams(query).filter((g) => Array.from(g).length === 2)
}
