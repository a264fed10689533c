import type { Kysely } from 'kysely'
import type { Category } from '../../shared/categories'
import type { Database } from '../db/schema'
import { listCategories } from '../domain/categories'

// The prerendered form's category list: its "choose" option stays, the build's eight go.
const SELECT = /(<select id="category"[^>]*><option[^>]*>[^<]*<\/option>)[\s\S]*?(<\/select>)/

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The shell's form with the categories offered today (the build knows only the first eight). */
export function withCategories(html: string, categories: Category[]): string {
  const options = categories
    .filter((c) => !c.retired)
    .map((c) => `<option value="${escape(c.id)}">${escape(c.zh)}</option>`)
    .join('')
  return html.replace(SELECT, (_, head: string, tail: string) => head + options + tail)
}

/**
 * The categories for the shell, or null when the database cannot say: the page is still served
 * (with the build's list) so that the app, which works offline, can start.
 */
export async function shellCategories(db: Kysely<Database>): Promise<Category[] | null> {
  try {
    return await listCategories(db)
  } catch {
    return null
  }
}
