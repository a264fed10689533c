/**
 * The statuses of a suggestion, apart from the action table in `lifecycle.ts` so that the
 * worker's bundle can name them without carrying the reviewers' schemas.
 */

/** Every status a suggestion can have on the server, in the order of a normal life. */
export const STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'reported',
  'replied',
  'closed',
  'merged',
  'declined',
] as const

export type Status = (typeof STATUSES)[number]

/** Statuses in which the worker has the union's answer: a reply, or a decline with its reason. */
export const ANSWERED_STATUSES = ['replied', 'closed', 'declined'] as const satisfies readonly Status[]

export function isAnswered(status: Status): boolean {
  return (ANSWERED_STATUSES as readonly Status[]).includes(status)
}
