import type { Role } from '../../shared/roles'
import type { TextKey } from './strings'

export type Screen = 'inbox' | 'report' | 'users' | 'units' | 'entry-points' | 'categories' | 'templates' | 'password'

/** The screens each role may open, in menu order; the first is its home. Mirrors the API's role checks. */
export const SCREENS_BY_ROLE: Record<Role, Screen[]> = {
  admin: ['users', 'units', 'entry-points', 'categories', 'password'],
  officer: ['inbox', 'report', 'templates', 'entry-points', 'password'],
  handler: ['inbox', 'password'],
  leader: ['inbox', 'report', 'password'],
}

export const SCREEN_LABELS: Record<Screen, TextKey> = {
  inbox: 'navInbox',
  report: 'navReport',
  users: 'navUsers',
  units: 'navUnits',
  'entry-points': 'navEntryPoints',
  categories: 'navCategories',
  templates: 'navTemplates',
  password: 'navPassword',
}

export function screenHref(screen: Screen): string {
  return screen === 'inbox' ? '#/items' : `#/${screen}`
}
