import type { PosterText } from '../../../shared/posters'

type Say = (key: 'posterTitle' | 'unionOf') => string

/** The union's name for the footer: its top unit's, as the union signs its notices. */
export function defaultFooter(unitPath: string[], s: Say): string {
  const top = unitPath[0] ?? ''
  return top.endsWith('工会') ? top : s('unionOf').replace('{unit}', top)
}

/** The title line and footer a poster prints: the union's own words where it set them, else the defaults. */
export function posterWords(text: PosterText, unitPath: string[], s: Say): { title: string; footer: string } {
  return { title: text.title ?? s('posterTitle'), footer: text.footer ?? defaultFooter(unitPath, s) }
}
