import type { Limit } from './counter'

const MINUTE = 60_000

/**
 * Reviewer logins. A guesser is held per username and address pair, so nobody can lock a
 * reviewer out from elsewhere with five bad guesses; a higher per-username ceiling stops a
 * guesser who spreads over many addresses, and a per-address ceiling one who tries many names.
 */
export const LOGIN_LIMITS = {
  /** Attempts on one username from one address. */
  pair: { max: 5, windowMs: 15 * MINUTE },
  /** Attempts on one username from all addresses together. */
  user: { max: 30, windowMs: 15 * MINUTE },
  /** Attempts from one address on all usernames together. */
  address: { max: 30, windowMs: 15 * MINUTE },
  /** Wrong current passwords in a password change, per account (a stolen session must not guess). */
  password: { max: 5, windowMs: 15 * MINUTE },
} as const satisfies Record<string, Limit>

/**
 * The worker's routes, per client address. A whole base behind one NAT shares an address, so the
 * budgets are separate (tracking never eats into submitting) and a device's retries of items
 * already stored cost no item budget; spam stays bounded by the new items one address may add.
 */
export interface PublicLimits {
  /** Submission requests (each up to 100 items). */
  submit: Limit
  /** Tracking, ratings and follow-up messages. */
  track: Limit
  /** New items stored (replays of stored items are free). */
  items: Limit
  /** Photo upload requests (`PUT /api/track/photos`, one chunk of at most 64 KB each). */
  photos: Limit
}

export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  submit: { max: 60, windowMs: MINUTE },
  track: { max: 120, windowMs: MINUTE },
  items: { max: 300, windowMs: 60 * MINUTE },
  // A phone's three photos are about 30 chunks; a base's morning sync fits, a flood does not.
  photos: { max: 600, windowMs: MINUTE },
}
