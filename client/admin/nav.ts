import type { Role } from '../../shared/roles'
import type { TextKey } from './strings'

export type Screen = 'dashboard' | 'tasks' | 'inbox' | 'report' | 'users' | 'units' | 'entry-points' | 'categories' | 'notify' | 'templates' | 'password'

/**
 * The screens each role may open, in menu order; the first is its home (the overview for those
 * who read the figures, 我的待办 for the handlers who work the dispatches). Mirrors the API's role checks.
 */
export const SCREENS_BY_ROLE: Record<Role, Screen[]> = {
  admin: ['users', 'units', 'entry-points', 'categories', 'notify', 'password'],
  officer: ['dashboard', 'inbox', 'report', 'templates', 'entry-points', 'password'],
  handler: ['tasks', 'inbox', 'password'],
  leader: ['dashboard', 'tasks', 'inbox', 'report', 'password'],
}

export const SCREEN_LABELS: Record<Screen, TextKey> = {
  dashboard: 'navDashboard',
  tasks: 'navTasks',
  inbox: 'navInbox',
  report: 'navReport',
  users: 'navUsers',
  units: 'navUnits',
  'entry-points': 'navEntryPoints',
  categories: 'navCategories',
  notify: 'navNotify',
  templates: 'navTemplates',
  password: 'navPassword',
}

export function screenHref(screen: Screen): string {
  return screen === 'inbox' ? '#/items' : `#/${screen}`
}
