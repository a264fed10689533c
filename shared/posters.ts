import * as v from 'valibot'
import { lineText, record, uuid } from './validation'

/**
 * `GET /api/admin/entry-points/posters`: the posters of one QR point (`id`) or of every active
 * point in a unit's subtree (`unitId`), each with the absolute address its QR code carries.
 */
export const PosterQuerySchema = record({
  id: v.optional(uuid),
  unitId: v.optional(uuid),
})

/** One printable poster. */
export interface PosterView {
  id: string
  code: string
  /** The place, e.g. 第一中心站生活点文化墙. */
  name: string
  /** The point's unit and those above it, root first: the root is the union's own unit. */
  unitPath: string[]
  /** The promised days to answer (the nearest unit that set one); null: no promise printed. */
  replyWithinDays: number | null
  /** What the QR code encodes: the public origin and the point's link. */
  url: string
  /** The union's own title line and footer (the nearest unit's that set them); null: the defaults. */
  title: string | null
  footer: string | null
}

/** The longest title line and footer a union may print (the database checks the same). */
export const POSTER_TEXT_LIMITS = { titleMax: 40, footerMax: 80 } as const

const posterLine = (max: number) => v.nullable(lineText(1, max, 'text_required', 'text_too_long'))

/** `PUT /api/admin/entry-points/poster-text` (officers, for their own unit): null puts back the default. */
export const PosterTextSchema = record({
  title: posterLine(POSTER_TEXT_LIMITS.titleMax),
  footer: posterLine(POSTER_TEXT_LIMITS.footerMax),
})

export interface PosterText {
  title: string | null
  footer: string | null
}

/** The officer's own unit's poster text, and what a unit above it set (what its posters show without one). */
export interface PosterTextView {
  own: PosterText
  inherited: PosterText
}

/** `GET /api/admin/entry-points/public-origin`: where printed codes point, or `public_origin_required`. */
export interface PublicOriginView {
  origin: string
}
