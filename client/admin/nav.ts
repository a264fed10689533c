import type { Role } from '../../shared/roles'
import type { TextKey } from './strings'

export type Screen = 'dashboard' | 'inbox' | 'report' | 'users' | 'units' | 'entry-points' | 'categories' | 'templates' | 'password'

/**
 * The screens each role may open, in menu order; the first is its home (the overview for those
 * who read the figures, today's inbox for the handlers who work it). Mirrors the API's role checks.
 */
export const SCREENS_BY_ROLE: Record<Role, Screen[]> = {
  admin: ['users', 'units', 'entry-points', 'categories', 'password'],
  officer: ['dashboard', 'inbox', 'report', 'templates', 'entry-points', 'password'],
  handler: ['inbox', 'password'],
  leader: ['dashboard', 'inbox', 'report', 'password'],
}

export const SCREEN_LABELS: Record<Screen, TextKey> = {
  dashboard: 'navDashboard',
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
