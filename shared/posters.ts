import * as v from 'valibot'
import { record, uuid } from './validation'

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
}

/** `GET /api/admin/entry-points/public-origin`: where printed codes point, or `public_origin_required`. */
export interface PublicOriginView {
  origin: string
}
