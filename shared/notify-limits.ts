// Apart from limits.ts, which the form's first load carries: these are the reviewers' only.
/** A dispatch is pressed (催办) at most once in this many hours: each one is a message to a work group. */
export const URGE_GAP_HOURS = 4

/** Messages to work groups (shared/notify.ts). */
export const NOTIFY_LIMITS = {
  /** Channels per unit. */
  channelsPerUnit: 5,
  nameMax: 60,
  urlMax: 1000,
  secretMax: 200,
  /** Lines listed in a digest before "另有 N 件". */
  digestLines: 10,
  /** Characters of a summary or content in a message (a phone's lock screen shows a few lines). */
  excerptMax: 120,
  /** Deliveries listed per channel on the admins' screen. */
  recentDeliveries: 10,
} as const
